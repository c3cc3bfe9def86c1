import type { DataSource } from 'typeorm';
import { badInput } from '#platform/errors';
import { firstIntervalEnd } from '#platform/events/interval-ticker';
import type { DistrictLoadArgs, DistrictLoadEvent } from './district-load.entity';

/** Meters report every 15 minutes: a shorter interval looks back this far to see every meter. */
const READING_PERIOD_SECONDS = 15 * 60;

interface LoadRow {
  powerKw: number;
  reportingMeters: number;
}

/** The load of one district, interval after interval (aligned and resumable: see interval-ticker). */
export class DistrictLoadService {
  constructor(private readonly db: DataSource) {}

  /** Checks the arguments; returns the end (Unix seconds) of the first interval to send. */
  async firstIntervalEnd(args: DistrictLoadArgs, nowSeconds: number): Promise<number> {
    const first = firstIntervalEnd('districtLoad', args.intervalSeconds, args.after, nowSeconds);
    if ((await this.supervisedBuildings(args.districtId)) === 0) {
      throw badInput(
        `District "${args.districtId}" has no public building with supervised heating`,
        'districtId',
      );
    }
    return first;
  }

  /** The load over the interval of `intervalSeconds` ending at `end` (Unix seconds). */
  async load(districtId: string, intervalSeconds: number, end: number): Promise<DistrictLoadEvent> {
    const lookBack = Math.max(intervalSeconds, READING_PERIOD_SECONDS);
    const [row] = await this.db.query<LoadRow[]>(
      `SELECT coalesce(sum(meter_power), 0)::float8 AS "powerKw", count(*)::int AS "reportingMeters"
         FROM (SELECT avg(r.power) AS meter_power
                 FROM building b
                 JOIN meter m ON m.building_id = b.id AND m.kind <> 'WATER'
                 JOIN meter_reading r ON r.meter_id = m.id AND r.power IS NOT NULL
                  AND r.observed_at > to_timestamp($2) AND r.observed_at <= to_timestamp($3)
                WHERE b.district_id = $1 AND b.heating_supervised
                GROUP BY m.id) meters`,
      [districtId, end - lookBack, end],
    );
    return {
      eventId: String(end),
      district: { id: districtId },
      from: new Date((end - intervalSeconds) * 1000),
      to: new Date(end * 1000),
      intervalSeconds,
      powerKw: row.powerKw,
      reportingMeters: row.reportingMeters,
      supervisedBuildings: await this.supervisedBuildings(districtId),
    };
  }

  private async supervisedBuildings(districtId: string): Promise<number> {
    const [{ count }] = await this.db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM building WHERE district_id = $1 AND heating_supervised',
      [districtId],
    );
    return count;
  }
}
