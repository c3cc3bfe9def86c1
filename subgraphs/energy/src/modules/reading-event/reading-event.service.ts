import type { EntityManager } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { appendEvent, type LoggedEvent } from '#platform/events/log';
import type { MeterReading } from '../meter-reading/meter-reading.entity';
import type { EnergyReadingEventArgs, ReadingEventPayload } from './reading-event.entity';

/**
 * One stream for every reading rather than one per meter: a subscription reads one stream in
 * order and resumes from one position, and dashboards follow a building, a district or an
 * arrondissement, i.e. many meters at once. The filters run on the payload, not on stream names.
 */
export const READING_STREAM = 'energy-reading';

/** The event type of a stored reading. */
const READING_RECORDED = 'METER_READING_RECORDED';

/**
 * Appends a stored reading to the event log in the transaction that stored it. The client's
 * reading id is the event's idempotency key: whatever path stores a reading, it is announced once.
 */
export async function appendReadingEvent(
  manager: EntityManager,
  payload: ReadingEventPayload,
): Promise<void> {
  await appendEvent(manager, READING_STREAM, READING_RECORDED, payload, {
    idempotencyKey: `meter-reading:${payload.readingId}`,
  });
}

/** The reading an event carries, as the `MeterReading` type exposes it. */
export function readingOf(payload: ReadingEventPayload): MeterReading {
  return {
    id: payload.id,
    readingId: payload.readingId,
    meterId: payload.meterId,
    observedAt: new Date(payload.observedAt),
    value: payload.value,
    power: payload.power,
    provenance: payload.provenance,
  };
}

/** Checks a subscription's filters and returns the test each event must pass (every given filter holds). */
export function readingEventFilter(
  args: EnergyReadingEventArgs,
): (event: LoggedEvent<ReadingEventPayload>) => boolean {
  validateArrondissement(args.arrondissement);
  const matches = <T>(wanted: T | null | undefined, actual: T) =>
    wanted === null || wanted === undefined || wanted === actual;
  return ({ payload }) =>
    matches(args.buildingId, payload.buildingId) &&
    matches(args.meterId, payload.meterId) &&
    matches(args.districtId, payload.districtId) &&
    matches(args.arrondissement, payload.arrondissement);
}
