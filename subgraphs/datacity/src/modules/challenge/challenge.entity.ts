import { Arg, Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { DISTANCE_METERS_DESCRIPTION, Location } from '#platform/geo';
import { countFacets, Facet, FACETS_DESCRIPTION } from '#platform/facets';
import { ConnectionType } from '#platform/pagination';

/** The city issues DataCity challenges on the themes of its sustainable-city strategy. */
export enum ChallengeTheme {
  ENERGY = 'ENERGY',
  WASTE = 'WASTE',
  MOBILITY = 'MOBILITY',
  WATER = 'WATER',
  PUBLIC_SPACE = 'PUBLIC_SPACE',
  AIR_QUALITY = 'AIR_QUALITY',
}

registerEnumType(ChallengeTheme, {
  name: 'ChallengeTheme',
  description: 'The urban issue a DataCity challenge addresses.',
});

/** Where a challenge stands in the DataCity cycle: call for solutions, then experiments, then the verdict. */
export enum ChallengeStatus {
  OPEN = 'OPEN',
  EXPERIMENTING = 'EXPERIMENTING',
  COMPLETED = 'COMPLETED',
}

registerEnumType(ChallengeStatus, {
  name: 'ChallengeStatus',
  description:
    'OPEN: call for solutions, no start-up selected yet; EXPERIMENTING: selected start-ups are testing on site; ' +
    'COMPLETED: every experiment has ended with an outcome.',
});

@Directive('@key(fields: "id")')
@ObjectType('Challenge', {
  description:
    'A DataCity open-innovation challenge: a problem posed by a City of Paris department and corporate partners, ' +
    "solved by start-ups through experiments on real sites (public buildings, Trilib' stations).",
})
@Entity({ name: 'challenge' })
export class Challenge {
  @Field(() => ID, { description: 'Season and number, e.g. "DC-2017-04".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { description: 'The problem as the city states it.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => Int, { description: 'The DataCity edition (season) that issued it, from 2016.' })
  @Column({ type: 'smallint' })
  season: number;

  @Field(() => ChallengeTheme)
  @Column({ type: 'text' })
  theme: ChallengeTheme;

  @Field(() => ChallengeStatus)
  @Column({ type: 'text' })
  status: ChallengeStatus;

  @Field(() => String, { description: 'The City of Paris department (direction) that posed the challenge.' })
  @Column({ type: 'text' })
  cityDepartment: string;

  @Field(() => [String], { description: 'The corporate partners that co-sponsored the challenge.' })
  @Column({ type: 'text', array: true })
  partners: string[];

  @Field(() => GraphQLLocalDate, { description: 'The day the call for solutions opened.' })
  @Column({ type: 'date' })
  launchDate: string;

  /** The arrondissement hosting the challenge's experiment sites. */
  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location, { description: 'Where the experiments take place (the main site).' })
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => Float, { nullable: true, description: DISTANCE_METERS_DESCRIPTION })
  distanceMeters?: number | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

export enum ChallengeFacetField {
  SEASON = 'SEASON',
  THEME = 'THEME',
  STATUS = 'STATUS',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
}

registerEnumType(ChallengeFacetField, { name: 'ChallengeFacetField' });

@ObjectType('ChallengeConnection')
export class ChallengeConnection extends ConnectionType(Challenge) {
  @Field(() => [Facet], { description: FACETS_DESCRIPTION })
  facets(@Arg('fields', () => [ChallengeFacetField]) fields: ChallengeFacetField[]): Promise<Facet[]> {
    return countFacets(this, fields);
  }
}
