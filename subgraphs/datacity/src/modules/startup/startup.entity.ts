import { Arg, Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { DISTANCE_METERS_DESCRIPTION, Location } from '#platform/geo';
import { countFacets, Facet, FACETS_DESCRIPTION } from '#platform/facets';
import { ConnectionType } from '#platform/pagination';

export enum StartupSector {
  ENERGY = 'ENERGY',
  CIRCULAR_ECONOMY = 'CIRCULAR_ECONOMY',
  MOBILITY = 'MOBILITY',
  WATER = 'WATER',
  IOT_SENSORS = 'IOT_SENSORS',
  DATA_AI = 'DATA_AI',
  CONSTRUCTION = 'CONSTRUCTION',
  CIVIC_TECH = 'CIVIC_TECH',
}

registerEnumType(StartupSector, { name: 'StartupSector', description: 'The market a start-up works in.' });

@Directive('@key(fields: "id")')
@ObjectType('Startup', {
  description: 'A start-up that applied to DataCity; the selected ones run experiments.',
})
@Entity({ name: 'startup' })
export class Startup {
  @Field(() => ID, { description: '"startup-001" onwards.' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'What the start-up offers, in one sentence.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => StartupSector)
  @Column({ type: 'text' })
  sector: StartupSector;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  foundedYear: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Field(() => Int, { description: 'Head count.' })
  @Column({ type: 'integer' })
  employees: number;

  /** The arrondissement of the Paris head office. */
  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location, { description: 'The Paris head office.' })
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => Float, { nullable: true, description: DISTANCE_METERS_DESCRIPTION })
  distanceMeters?: number | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

export enum StartupFacetField {
  SECTOR = 'SECTOR',
  FOUNDED_YEAR = 'FOUNDED_YEAR',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
}

registerEnumType(StartupFacetField, { name: 'StartupFacetField' });

@ObjectType('StartupConnection')
export class StartupConnection extends ConnectionType(Startup) {
  @Field(() => [Facet], { description: FACETS_DESCRIPTION })
  facets(@Arg('fields', () => [StartupFacetField]) fields: StartupFacetField[]): Promise<Facet[]> {
    return countFacets(this, fields);
  }
}
