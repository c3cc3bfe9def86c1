/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** One of the 20 arrondissements of Paris. */
export type Arrondissement = {
  __typename?: 'Arrondissement';
  /** 1 to 20. */
  code: Scalars['Int']['output'];
  districts: Array<District>;
  /** The boundary as a GeoJSON geometry (WGS 84). */
  geometry: Maybe<Scalars['JSONObject']['output']>;
  /** INSEE commune code, 75101 to 75120. */
  inseeCode: Scalars['String']['output'];
  /** The centroid. */
  location: Location;
  /** Usual name, e.g. "17ème Ardt". */
  name: Scalars['String']['output'];
  /** Official name, e.g. "Batignolles-Monceau". */
  officialName: Scalars['String']['output'];
  perimeterM: Maybe<Scalars['Float']['output']>;
  /** Resident population (INSEE legal population). */
  population: Maybe<Scalars['Int']['output']>;
  /** Year of the population figure. */
  populationYear: Maybe<Scalars['Int']['output']>;
  provenance: Provenance;
  surfaceM2: Maybe<Scalars['Float']['output']>;
};

/** A neighbourhood or urban project, such as the Clichy-Batignolles eco-district. */
export type District = {
  __typename?: 'District';
  arrondissement: Arrondissement;
  description: Maybe<Scalars['String']['output']>;
  /** A stable slug, e.g. "clichy-batignolles". */
  id: Scalars['ID']['output'];
  /** ECO_DISTRICT, URBAN_PROJECT, ... */
  kind: Scalars['String']['output'];
  location: Location;
  name: Scalars['String']['output'];
  provenance: Provenance;
  /** Year the project started. */
  startYear: Maybe<Scalars['Int']['output']>;
  surfaceM2: Maybe<Scalars['Float']['output']>;
};

export type DistrictFilter = {
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  /** ECO_DISTRICT, URBAN_PROJECT, ... */
  kind: InputMaybe<Scalars['String']['input']>;
};

/** A WGS 84 point. */
export type Location = {
  __typename?: 'Location';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

/** OPEN_DATA: imported from opendata.paris.fr (ODbL); REFERENCE: published figures; GENERATED: synthetic, seeded and reproducible. */
export type Provenance =
  | 'GENERATED'
  | 'OPEN_DATA'
  | 'REFERENCE';

export type Query = {
  __typename?: 'Query';
  arrondissement: Maybe<Arrondissement>;
  /** The arrondissement containing a point, if it is in Paris. */
  arrondissementAt: Maybe<Arrondissement>;
  /** The 20 arrondissements, in order. */
  arrondissements: Array<Arrondissement>;
  district: Maybe<District>;
  /** Districts and urban projects (eco-districts first of all). */
  districts: Array<District>;
};


export type QueryArrondissementArgs = {
  code: Scalars['Int']['input'];
};


export type QueryArrondissementAtArgs = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};


export type QueryDistrictArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDistrictsArgs = {
  filter: InputMaybe<DistrictFilter>;
};

export type ArrondissementsQueryVariables = Exact<{ [key: string]: never; }>;


export type ArrondissementsQuery = { arrondissements: Array<{ code: number, inseeCode: string, name: string, officialName: string, surfaceM2: number | null, population: number | null, location: { latitude: number, longitude: number } }> };


export const ArrondissementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Arrondissements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrondissements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officialName"}},{"kind":"Field","name":{"kind":"Name","value":"surfaceM2"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}}]}}]}}]}}]} as unknown as DocumentNode<ArrondissementsQuery, ArrondissementsQueryVariables>;