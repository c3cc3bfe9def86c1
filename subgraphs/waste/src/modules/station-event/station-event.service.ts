import type { EntityManager } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';
import { appendEvent, type LoggedEvent } from '#platform/events/log';
import type { WasteStream } from '../../waste-stream';
import type {
  StationEventPayload,
  WasteStationAlertArgs,
  WasteStationEventArgs,
  WasteStationEventKind,
} from './station-event.entity';

/** The event-log stream of station changes; subscribers filter it by station or arrondissement. */
export const STATION_STREAM = 'waste-station';
/** The root query field answering that stream's position (read first: #platform/events/position). */
export const STATION_POSITION_FIELD = 'wasteEventPosition';

/**
 * Appends a station change to the event log, in the caller's transaction (the one that made the
 * change), so a subscriber sees it exactly when, and only if, it commits. The caller gives the
 * station's arrondissement: it has read the station in that transaction already.
 */
export async function appendStationEvent(
  manager: EntityManager,
  change: {
    kind: WasteStationEventKind;
    stationId: string;
    arrondissement: number;
    stream: WasteStream;
    fillingLevel: number;
    previousFillingLevel: number | null;
    observedAt: Date;
  },
): Promise<void> {
  const payload: StationEventPayload = { ...change, observedAt: change.observedAt.toISOString() };
  await appendEvent(manager, STATION_STREAM, change.kind, payload);
}

/** Checks a subscription's filters and returns the test each event must pass. */
export function stationEventFilter(
  args: WasteStationEventArgs,
): (event: LoggedEvent<StationEventPayload>) => boolean {
  validateArrondissement(args.arrondissement);
  return ({ payload }) =>
    (args.stationId === null || args.stationId === undefined || payload.stationId === args.stationId) &&
    (args.arrondissement === null ||
      args.arrondissement === undefined ||
      payload.arrondissement === args.arrondissement);
}

/** An alert fires when a level rises from below the threshold to it or above. */
export function stationAlertFilter(
  args: WasteStationAlertArgs,
): (event: LoggedEvent<StationEventPayload>) => boolean {
  if (!(args.threshold > 0 && args.threshold <= 1)) {
    throw badInput(
      `\`threshold\` must be a level above 0 and at most 1 (got ${args.threshold})`,
      'threshold',
    );
  }
  const station = stationEventFilter(args);
  return (event) =>
    station(event) &&
    event.payload.fillingLevel >= args.threshold &&
    (event.payload.previousFillingLevel === null || event.payload.previousFillingLevel < args.threshold);
}
