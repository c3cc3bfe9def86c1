import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { Location } from '#platform/geo';
import { idReference } from '#platform/references';

/** The waste subgraph's station, as far as this subgraph knows it: its key. */
export const WasteStationReference = idReference('WasteStation');
export type WasteStationReference = InstanceType<typeof WasteStationReference>;

/** The energy subgraph's public building, as far as this subgraph knows it: its key. */
export const BuildingReference = idReference('Building');
export type BuildingReference = InstanceType<typeof BuildingReference>;

export enum ChallengeSiteKind {
  WASTE_STATION = 'WASTE_STATION',
  PUBLIC_BUILDING = 'PUBLIC_BUILDING',
}

registerEnumType(ChallengeSiteKind, {
  name: 'ChallengeSiteKind',
  description:
    "WASTE_STATION: a Trilib' station (see `wasteStation`); PUBLIC_BUILDING: a city building (see `building`).",
});

@Directive('@key(fields: "id")')
@ObjectType('ChallengeSite', { description: "A place the city opened to a challenge's experiments." })
@Entity({ name: 'challenge_site' })
export class ChallengeSite {
  @Field(() => ID, { description: 'The challenge id and a number, e.g. "DC-2017-04-S2".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  challengeId: string;

  @Field(() => ChallengeSiteKind)
  @Column({ type: 'text' })
  kind: ChallengeSiteKind;

  @Column({ type: 'text', nullable: true })
  wasteStationId: string | null;

  @Column({ type: 'text', nullable: true })
  buildingId: string | null;

  @Field(() => WasteStationReference, { nullable: true, description: 'The station, when the site is one.' })
  wasteStation(): WasteStationReference | null {
    return this.wasteStationId ? { id: this.wasteStationId } : null;
  }

  @Field(() => BuildingReference, {
    nullable: true,
    description: 'The public building, when the site is one.',
  })
  building(): BuildingReference | null {
    return this.buildingId ? { id: this.buildingId } : null;
  }

  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location, { description: 'Where the experiment equipment stands, as recorded by DataCity.' })
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
