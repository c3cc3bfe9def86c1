import { Arg, Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { DISTANCE_METERS_DESCRIPTION, Location } from '#platform/geo';
import { countFacets, Facet, FACETS_DESCRIPTION } from '#platform/facets';
import { ConnectionType } from '#platform/pagination';
import { WasteStream } from '../../waste-stream';

export enum WasteStationCategory {
  TRILIB = 'TRILIB',
  GLASS_COLUMN = 'GLASS_COLUMN',
  TRI_MOBILE = 'TRI_MOBILE',
}

registerEnumType(WasteStationCategory, {
  name: 'WasteStationCategory',
  valuesConfig: {
    TRILIB: { description: "A Trilib' recycling station: several containers, one per stream." },
    GLASS_COLUMN: { description: 'A stand-alone glass column (colonne à verre).' },
    TRI_MOBILE: { description: 'A Tri Mobile stop: a collection truck parked on given days and hours.' },
  },
});

export enum WasteStationStatus {
  ACTIVE = 'ACTIVE',
  OUT_OF_SERVICE = 'OUT_OF_SERVICE',
  MOVED = 'MOVED',
  REMOVED = 'REMOVED',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(WasteStationStatus, {
  name: 'WasteStationStatus',
  valuesConfig: {
    ACTIVE: { description: 'In service.' },
    OUT_OF_SERVICE: { description: 'Neutralised or switched off for now.' },
    MOVED: { description: 'Moved elsewhere; the record keeps its former place.' },
    REMOVED: { description: 'Taken away for good.' },
    UNKNOWN: { description: 'The source does not say.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('WasteStation', {
  description:
    "A place where Parisians drop sorted waste: a Trilib' station, a glass column or a Tri Mobile stop (FIWARE WasteContainerIsle).",
})
@Entity({ name: 'waste_station' })
export class WasteStation {
  @Field(() => ID, {
    description:
      "`TRILIB-13-0007` (generated Trilib'), `TRILIB-PILOT-13014` (sensor pilot), `GLASS-…`, `TRI-MOBILE-…`.",
  })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => WasteStationCategory)
  @Column({ type: 'text' })
  category: WasteStationCategory;

  @Field(() => WasteStationStatus)
  @Column({ type: 'text' })
  status: WasteStationStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Street address as the source gives it; null for generated stations, whose place is synthetic.',
  })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where exactly, e.g. "Angle", "sur le parvis de l\'église".',
  })
  @Column({ type: 'text', nullable: true })
  addressDetail: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  postalCode: string | null;

  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location)
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => Float, { nullable: true, description: DISTANCE_METERS_DESCRIPTION })
  distanceMeters?: number | null;

  @Field(() => [WasteStream], { description: 'The streams one can drop here.' })
  @Column({ type: 'text', array: true })
  acceptedStreams: WasteStream[];

  @Field(() => String, {
    nullable: true,
    description: 'Opening hours as published (Tri Mobile: "de 9h à 13h").',
  })
  @Column({ type: 'text', nullable: true })
  openingHours: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Days the stop is held, as published (Tri Mobile: "tous les 1er et 3ème vendredi du mois").',
  })
  @Column({ type: 'text', nullable: true })
  schedule: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the station was installed (FIWARE dateServiceStarted).',
  })
  @Column({ type: 'timestamptz', nullable: true })
  dateServiceStarted: Date | null;

  /** The dataset the row came from (`trilib`, `mobilierpropreteparis2011`, `tri-mobile0`, `trilib-stations`): a re-import replaces its own rows only. */
  @Column({ type: 'text' })
  dataset: string;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

export enum WasteStationFacetField {
  CATEGORY = 'CATEGORY',
  STATUS = 'STATUS',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
}

registerEnumType(WasteStationFacetField, { name: 'WasteStationFacetField' });

@ObjectType('WasteStationConnection')
export class WasteStationConnection extends ConnectionType(WasteStation) {
  @Field(() => [Facet], { description: FACETS_DESCRIPTION })
  facets(@Arg('fields', () => [WasteStationFacetField]) fields: WasteStationFacetField[]): Promise<Facet[]> {
    return countFacets(this, fields);
  }
}
