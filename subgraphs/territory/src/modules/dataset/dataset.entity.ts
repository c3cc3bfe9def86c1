import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('DatasetConcept', {
  description: 'A term of a controlled vocabulary DCAT-AP cites (an EU authority table, ADMS).',
})
export class DatasetConcept {
  @Field(() => String)
  iri: string;

  @Field(() => String, { description: 'English label.' })
  label: string;
}

@ObjectType('DatasetPlace', { description: 'Spatial coverage as a place (DCAT-AP dct:Location).' })
export class DatasetPlace {
  @Field(() => String, { description: 'The place in GeoNames.' })
  iri: string;

  @Field(() => String)
  label: string;

  @Field(() => String, { description: 'Bounding box, WKT polygon in WGS 84 longitude latitude.' })
  bbox: string;

  @Field(() => String, { description: 'Centre, WKT point in WGS 84 longitude latitude.' })
  centroid: string;
}

@ObjectType('DatasetLicense')
export class DatasetLicense {
  @Field(() => String)
  name: string;

  @Field(() => String)
  url: string;

  @Field(() => [DatasetConcept], { description: 'ADMS licence types: what the licence asks of re-users.' })
  types: readonly DatasetConcept[];
}

@ObjectType('DatasetAgent', { description: 'A DCAT-AP agent: publisher or contact point.' })
export class DatasetAgent {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => DatasetConcept, { nullable: true, description: 'ADMS publisher type (publishers only).' })
  type?: DatasetConcept | null;
}

@ObjectType('DatasetColumn')
export class DatasetColumn {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'text, integer, bigint, double, boolean, timestamp, date or json.' })
  type: string;

  @Field(() => String)
  description: string;
}

@ObjectType('DatasetDistribution', { description: 'One downloadable form of a dataset (DCAT distribution).' })
export class DatasetDistribution {
  @Field(() => String, { description: 'csv, ndjson, geojson or parquet.' })
  format: string;

  @Field(() => String)
  mediaType: string;

  @Field(() => String)
  url: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => DatasetConcept, { description: 'The format in the EU file-type table.' })
  fileType: DatasetConcept;

  @Field(() => String, {
    nullable: true,
    description: 'The IANA media type as an IRI; null when IANA registers none (NDJSON).',
  })
  mediaTypeIri: string | null;

  @Field(() => DatasetConcept, { description: 'Planned availability (EU table).' })
  availability: DatasetConcept;
}

@ObjectType('TemporalCoverage')
export class TemporalCoverage {
  @Field(() => Date, { nullable: true })
  start: Date | null;

  @Field(() => Date, { nullable: true })
  end: Date | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Dataset', {
  description: 'A catalog entry (DCAT-AP 3): what the dataset is, where it comes from, how to download it.',
})
export class Dataset {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description: 'The dataset as linked data: its entry in the catalog (JSON-LD or Turtle by Accept).',
  })
  iri: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => [String])
  keywords: string[];

  @Field(() => [String], {
    description: 'EU data themes (ENER, ENVI, REGI, GOVE, SOCI, EDUC, TECH, TRAN, ECON).',
  })
  themes: string[];

  @Field(() => [DatasetConcept], { description: 'The themes in the EU data-theme table.' })
  themeConcepts: DatasetConcept[];

  @Field(() => DatasetAgent)
  publisher: DatasetAgent;

  @Field(() => DatasetAgent)
  contactPoint: DatasetAgent;

  @Field(() => DatasetLicense)
  license: DatasetLicense;

  @Field(() => String, { description: 'OPEN_DATA, REFERENCE, GENERATED or MIXED.' })
  provenance: string;

  @Field(() => [String], { description: 'The files or generators the rows come from.' })
  sources: string[];

  @Field(() => String, { description: 'Changes whenever the data is re-imported or re-generated.' })
  version: string;

  @Field(() => Int, { nullable: true, description: 'Seed of the generator, for generated data.' })
  generatorSeed: number | null;

  @Field(() => Float, { nullable: true, description: 'Scale of the generator, for generated data.' })
  generatorScale: number | null;

  @Field(() => Date, { nullable: true, description: 'When the data now served was first imported.' })
  issued: Date | null;

  @Field(() => Date, { nullable: true })
  modified: Date | null;

  @Field(() => String, { description: 'continuous, daily, annual or irregular.' })
  accrualPeriodicity: string;

  @Field(() => DatasetConcept, { description: 'accrualPeriodicity in the EU frequency table.' })
  frequency: DatasetConcept;

  @Field(() => String, { description: 'Spatial coverage.' })
  spatialCoverage: string;

  @Field(() => DatasetPlace)
  spatial: DatasetPlace;

  @Field(() => [DatasetColumn])
  columns: DatasetColumn[];

  @Field(() => [String], {
    description: 'Query parameters the exports accept, named like the GraphQL filters.',
  })
  filters: string[];

  @Field(() => [DatasetDistribution])
  distributions: DatasetDistribution[];
}
