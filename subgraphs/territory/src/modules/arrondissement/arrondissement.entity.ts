import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { Location } from '#platform/geo';

@Directive('@key(fields: "code")')
@ObjectType('Arrondissement', { description: 'One of the 20 arrondissements of Paris.' })
@Entity({ name: 'arrondissement' })
export class Arrondissement {
  @Field(() => Int, { description: '1 to 20.' })
  @PrimaryColumn({ type: 'smallint' })
  code: number;

  @Field(() => String, { description: 'INSEE commune code, 75101 to 75120.' })
  @Column({ type: 'text', unique: true })
  inseeCode: string;

  @Field(() => String, { description: 'Usual name, e.g. "17ème Ardt".' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'Official name, e.g. "Batignolles-Monceau".' })
  @Column({ type: 'text' })
  officialName: string;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  surfaceM2: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  perimeterM: number | null;

  @Field(() => Int, { nullable: true, description: 'Resident population (INSEE legal population).' })
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Field(() => Int, { nullable: true, description: 'Year of the population figure.' })
  @Column({ type: 'smallint', nullable: true })
  populationYear: number | null;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location, { description: 'The centroid.' })
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The boundary as a GeoJSON geometry (WGS 84).',
  })
  @Column({ type: 'jsonb', nullable: true })
  geometry: Record<string, unknown> | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
