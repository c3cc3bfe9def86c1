import { Authorized, Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { Location } from '#platform/geo';
import { ConnectionType } from '#platform/pagination';

export enum AccompanimentStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum AccompanimentPurpose {
  MEDICAL_APPOINTMENT = 'MEDICAL_APPOINTMENT',
  SHOPPING = 'SHOPPING',
  WALK = 'WALK',
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  CULTURE = 'CULTURE',
  SOCIAL_ACTIVITY = 'SOCIAL_ACTIVITY',
  OTHER = 'OTHER',
}

export enum AccompanimentTransportMode {
  WALK = 'WALK',
  PUBLIC_TRANSPORT = 'PUBLIC_TRANSPORT',
}

export enum AccompanimentCancellationReason {
  BENEFICIARY_REQUEST = 'BENEFICIARY_REQUEST',
  NO_VOLUNTEER_AVAILABLE = 'NO_VOLUNTEER_AVAILABLE',
  VOLUNTEER_UNAVAILABLE = 'VOLUNTEER_UNAVAILABLE',
  HEALTH = 'HEALTH',
  OTHER = 'OTHER',
}

registerEnumType(AccompanimentStatus, {
  name: 'AccompanimentStatus',
  description:
    'OPEN (waiting for a volunteer) -> ACCEPTED -> IN_PROGRESS -> COMPLETED; CANCELLED at any point before completion.',
});
registerEnumType(AccompanimentPurpose, {
  name: 'AccompanimentPurpose',
  description: 'Why the person wants to go out.',
});
registerEnumType(AccompanimentTransportMode, {
  name: 'AccompanimentTransportMode',
  description: 'Paris en Compagnie accompanies on foot or by public transport, within Paris.',
});
registerEnumType(AccompanimentCancellationReason, { name: 'AccompanimentCancellationReason' });

/** ~200 m: fine enough for a volunteer to judge the trip, too coarse to find a door. */
const GRID_LATITUDE_DEGREES = 0.0018;
const GRID_LONGITUDE_DEGREES = 0.0027;

/** Snaps a point to the centre of its ~200 m grid cell (always the same cell, so repeated reads reveal nothing more). */
export function approximatePoint(latitude: number, longitude: number): Location {
  const snap = (value: number, step: number) => Number(((Math.floor(value / step) + 0.5) * step).toFixed(6));
  return {
    latitude: snap(latitude, GRID_LATITUDE_DEGREES),
    longitude: snap(longitude, GRID_LONGITUDE_DEGREES),
  };
}

@Directive('@key(fields: "id")')
@ObjectType('AccompanimentRequest', {
  description:
    'A request by an isolated elderly person to be accompanied out by a volunteer (Paris en Compagnie). ' +
    'Identity and exact location are for operators only.',
})
@Entity({ name: 'accompaniment_request' })
export class AccompanimentRequest {
  @Field(() => ID, { description: 'e.g. "REQ-000042".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Authorized('operator')
  @Field(() => String, { nullable: true, description: 'The idempotency key the request was recorded with.' })
  @Column({ type: 'text', nullable: true })
  clientRequestId: string | null;

  @Column({ type: 'text' })
  beneficiaryId: string;

  @Column({ type: 'text', nullable: true })
  volunteerId: string | null;

  @Field(() => AccompanimentStatus)
  @Column({ type: 'text' })
  status: AccompanimentStatus;

  @Field(() => AccompanimentPurpose)
  @Column({ type: 'text' })
  purpose: AccompanimentPurpose;

  @Field(() => AccompanimentTransportMode)
  @Column({ type: 'text' })
  transportMode: AccompanimentTransportMode;

  @Field(() => Date, { description: 'When the person wants to be picked up.' })
  @Column({ type: 'timestamptz' })
  requestedFor: Date;

  @Field(() => Int, { description: 'Expected length of the outing.' })
  @Column({ type: 'smallint' })
  durationMinutes: number;

  @Column({ type: 'smallint' })
  arrondissementCode: number;

  /** The pickup point snapped to the ~200 m grid. */
  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({ type: 'double precision' })
  exactLatitude: number;

  @Column({ type: 'double precision' })
  exactLongitude: number;

  @Field(() => Location, {
    description: 'The pickup point rounded to a ~200 m grid: what volunteers see before accepting.',
  })
  approximateLocation(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Authorized('operator')
  @Field(() => Location, { nullable: true, description: 'The exact pickup point (operators only).' })
  location(): Location {
    return { latitude: this.exactLatitude, longitude: this.exactLongitude };
  }

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  // HEALTH is health data about the person: the volunteer of a cancelled mission sees that it was
  // cancelled (`status`, `cancelledAt`), not why.
  @Authorized('operator')
  @Field(() => AccompanimentCancellationReason, {
    nullable: true,
    description: 'Why the request was cancelled (operators only: it may be the person’s health).',
  })
  @Column({ type: 'text', nullable: true })
  cancellationReason: AccompanimentCancellationReason | null;

  @Field(() => Provenance, {
    nullable: true,
    description: 'GENERATED for the seeded history; null for requests recorded through the service.',
  })
  @Column({ type: 'text', nullable: true })
  provenance: Provenance | null;
}

@ObjectType('AccompanimentRequestConnection')
export class AccompanimentRequestConnection extends ConnectionType(AccompanimentRequest) {}
