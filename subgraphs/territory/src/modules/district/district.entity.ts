import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { Location } from '#platform/geo';

@Directive('@key(fields: "id")')
@ObjectType('District', {
  description: 'A neighbourhood or urban project, such as the Clichy-Batignolles eco-district.',
})
@Entity({ name: 'district' })
export class District {
  @Field(() => ID, { description: 'A stable slug, e.g. "clichy-batignolles".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, {
    description:
      'ECO_DISTRICT, URBAN_PROJECT or URBAN_INNOVATION_NEIGHBOURHOOD (a perimeter where start-ups test prototypes in real conditions).',
  })
  @Column({ type: 'text' })
  kind: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  surfaceM2: number | null;

  @Field(() => Int, { nullable: true, description: 'Year the project started.' })
  @Column({ type: 'smallint', nullable: true })
  startYear: number | null;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location)
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The boundary as a GeoJSON Polygon (WGS 84): approximate (a disc of its surface around its centroid) until a surveyed outline is published.',
  })
  @Column({ type: 'jsonb', nullable: true })
  geometry: Record<string, unknown> | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;

  @Column({ type: 'text', nullable: true })
  citationId: string | null;
}
