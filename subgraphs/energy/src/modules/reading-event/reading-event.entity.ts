import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import type { Provenance } from '#platform/city';
import { MeterReading } from '../meter-reading/meter-reading.entity';

/**
 * What the event log keeps for each stored reading (stream `energy-reading`): the reading itself,
 * so an event resolves without a query, and where its meter stands, so subscribers filter by
 * building, district or arrondissement without one either.
 */
export interface ReadingEventPayload {
  /** `meter_reading.id` (bigint as text). */
  id: string;
  readingId: string;
  meterId: string;
  buildingId: string;
  districtId: string | null;
  arrondissement: number;
  observedAt: string;
  value: number;
  power: number | null;
  provenance: Provenance;
}

@ObjectType('EnergyReadingEvent', { description: 'A meter reading, in the order it was stored.' })
export class EnergyReadingEvent {
  @Field(() => ID, {
    description: 'Position in the reading stream: give it as `after` to resume right after this event.',
  })
  eventId: string;

  @Field(() => MeterReading)
  reading: MeterReading;
}

@ArgsType()
export class EnergyReadingEventArgs {
  @Field(() => ID, { nullable: true, description: 'Only the meters of this building.' })
  buildingId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this meter.' })
  meterId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only buildings of this district (e.g. "clichy-batignolles").',
  })
  districtId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only buildings of this arrondissement (1–20).' })
  arrondissement?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Resume after this eventId: every later event, in order, then live ones.',
  })
  after?: string | null;
}
