import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('DatasetLicense')
export class DatasetLicense {
  @Field(() => String)
  name: string;

  @Field(() => String)
  url: string;
}

@ObjectType('DatasetAgent', { description: 'A DCAT-AP agent: publisher or contact point.' })
export class DatasetAgent {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
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

  @Field(() => Date, { nullable: true })
  modified: Date | null;

  @Field(() => String, { description: 'continuous, daily, annual or irregular.' })
  accrualPeriodicity: string;

  @Field(() => String, { description: 'Spatial coverage.' })
  spatialCoverage: string;

  @Field(() => [DatasetColumn])
  columns: DatasetColumn[];

  @Field(() => [String], {
    description: 'Query parameters the exports accept, named like the GraphQL filters.',
  })
  filters: string[];

  @Field(() => [DatasetDistribution])
  distributions: DatasetDistribution[];
}
