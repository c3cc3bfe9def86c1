import type { DataSource } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { firstIntervalEnd } from '#platform/events/interval-ticker';
import type { EnergyLoadArgs, EnergyLoadEvent } from './energy-load.entity';

/** Meters report every 15 minutes: a shorter interval looks back this far to see every meter. */
const READING_PERIOD_SECONDS = 15 * 60;

interface LoadRow {
  arrondissement: number;
  powerKw: number;
  reportingMeters: number;
}

/**
 * The energy load of the city and of each arrondissement, interval after interval, as
 * `districtLoad` computes a district's (aligned and resumable: see interval-ticker), over every
 * public building's energy meters rather than only the supervised heating.
 */
export class EnergyLoadService {
  constructor(private readonly db: DataSource) {}

  /** Checks the arguments; returns the end (Unix seconds) of the first interval to send. */
  firstIntervalEnd(args: EnergyLoadArgs, nowSeconds: number): number {
    validateArrondissement(args.arrondissement);
    return firstIntervalEnd('energyLoad', args.intervalSeconds, args.after, nowSeconds);
  }

  /** The interval of `intervalSeconds` ending at the latest aligned boundary. */
  current(arrondissement: number | null | undefined, intervalSeconds: number): Promise<EnergyLoadEvent> {
    const end = firstIntervalEnd('energyLoad', intervalSeconds, null, Date.now() / 1000);
    validateArrondissement(arrondissement);
    return this.load(arrondissement, intervalSeconds, end);
  }

  /** The load over the interval of `intervalSeconds` ending at `end` (Unix seconds). */
  async load(
    arrondissement: number | null | undefined,
    intervalSeconds: number,
    end: number,
  ): Promise<EnergyLoadEvent> {
    const lookBack = Math.max(intervalSeconds, READING_PERIOD_SECONDS);
    const rows = await this.db.query<LoadRow[]>(
      `SELECT arrondissement, coalesce(sum(meter_power), 0)::float8 AS "powerKw", count(*)::int AS "reportingMeters"
         FROM (SELECT b.arrondissement_code AS arrondissement, avg(r.power) AS meter_power
                 FROM meter_reading r
                 JOIN meter m ON m.id = r.meter_id AND m.kind <> 'WATER'
                 JOIN building b ON b.id = m.building_id
                WHERE r.power IS NOT NULL
                  AND r.observed_at > to_timestamp($1) AND r.observed_at <= to_timestamp($2)
                  AND ($3::int IS NULL OR b.arrondissement_code = $3)
                GROUP BY b.arrondissement_code, m.id) meters
        GROUP BY arrondissement
        ORDER BY arrondissement`,
      [end - lookBack, end, arrondissement ?? null],
    );
    return {
      eventId: String(end),
      from: new Date((end - intervalSeconds) * 1000),
      to: new Date(end * 1000),
      intervalSeconds,
      powerKw: rows.reduce((sum, row) => sum + row.powerKw, 0),
      reportingMeters: rows.reduce((sum, row) => sum + row.reportingMeters, 0),
      arrondissements: rows.map((row) => ({
        arrondissement: { code: row.arrondissement },
        powerKw: row.powerKw,
        reportingMeters: row.reportingMeters,
      })),
    };
  }
}
