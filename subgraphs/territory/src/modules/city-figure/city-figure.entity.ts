import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';

/** The key figures a city publishes about its territory (the brochure's "key figures"). */
export enum CityIndicator {
  INHABITANTS = 'INHABITANTS',
  JOBS = 'JOBS',
  SHOPS_AND_COMMERCIAL_SERVICES = 'SHOPS_AND_COMMERCIAL_SERVICES',
  STARTUPS = 'STARTUPS',
  BUSINESSES = 'BUSINESSES',
  HIGHER_EDUCATION_STUDENTS = 'HIGHER_EDUCATION_STUDENTS',
}

registerEnumType(CityIndicator, {
  name: 'CityIndicator',
  description: 'What a key figure of the city counts.',
});

@ObjectType('CityFigure', { description: 'One key figure of the city, as its source states it.' })
@Entity({ name: 'city_figure' })
export class CityFigure {
  @PrimaryColumn({ type: 'text' })
  cityId: string;

  @Field(() => CityIndicator)
  @PrimaryColumn({ type: 'text' })
  indicator: CityIndicator;

  @Field(() => Int, { description: 'The year the figure describes, as its source dates it.' })
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  value: number;

  @Field(() => String, { description: 'What is counted, e.g. "jobs".' })
  @Column({ type: 'text' })
  unit: string;

  @Field(() => String, { description: 'The figure as the source words it, e.g. "1.8 million jobs".' })
  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  citationId: string;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
