import type { DataSource } from 'typeorm';
import { ARRONDISSEMENT_CODES, validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';
import type { LoggedEvent } from '#platform/events/log';
import type { StationEventPayload } from '../station-event/station-event.entity';
import type { WasteAlertCount, WasteAlertCountChangedArgs } from './alert-count.entity';

interface CountRow {
  arrondissement: number;
  alertingContainers: number;
  alertingStations: number;
  stations: number;
}

export function validateThreshold(threshold: number): void {
  if (!(threshold > 0 && threshold <= 1)) {
    throw badInput(`\`threshold\` must be a level above 0 and at most 1 (got ${threshold})`, 'threshold');
  }
}

/** Counts computed in SQL from the containers' current levels, one row per arrondissement. */
export class AlertCountService {
  constructor(private readonly db: DataSource) {}

  async counts(threshold: number, arrondissement?: number | null): Promise<WasteAlertCount[]> {
    validateThreshold(threshold);
    validateArrondissement(arrondissement);
    const rows = await this.db.query<CountRow[]>(
      `SELECT s.arrondissement_code AS arrondissement,
              count(c.id) FILTER (WHERE c.filling_level >= $1)::int AS "alertingContainers",
              count(DISTINCT s.id) FILTER (WHERE c.filling_level >= $1)::int AS "alertingStations",
              count(DISTINCT s.id)::int AS stations
         FROM waste_station s
         LEFT JOIN waste_container c ON c.station_id = s.id
        WHERE $2::int IS NULL OR s.arrondissement_code = $2
        GROUP BY s.arrondissement_code`,
      [threshold, arrondissement ?? null],
    );
    const byCode = new Map(rows.map((row) => [row.arrondissement, row]));
    const codes = arrondissement ? [arrondissement] : ARRONDISSEMENT_CODES;
    return codes.map((code) => ({
      arrondissement: { code },
      threshold,
      alertingContainers: byCode.get(code)?.alertingContainers ?? 0,
      alertingStations: byCode.get(code)?.alertingStations ?? 0,
      stations: byCode.get(code)?.stations ?? 0,
    }));
  }
}

/** Keeps the events that move a count: a level crossing the threshold, up or down. */
export function alertCountFilter(
  args: WasteAlertCountChangedArgs,
): (event: LoggedEvent<StationEventPayload>) => boolean {
  validateThreshold(args.threshold);
  validateArrondissement(args.arrondissement);
  return ({ payload }) =>
    (args.arrondissement === null ||
      args.arrondissement === undefined ||
      payload.arrondissement === args.arrondissement) &&
    payload.fillingLevel >= args.threshold !==
      (payload.previousFillingLevel !== null && payload.previousFillingLevel >= args.threshold);
}
