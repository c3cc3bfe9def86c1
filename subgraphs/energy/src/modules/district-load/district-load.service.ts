import type { DataSource } from 'typeorm';
import { badInput } from '../../../../../platform/src/errors';
import type { DistrictLoadArgs, DistrictLoadEvent } from './district-load.entity';

export const MIN_INTERVAL_SECONDS = 5;
export const MAX_INTERVAL_SECONDS = 3600;
/** How far back `after` may reach: a client away longer reloads rather than receive a flood. */
export const MAX_RESUMED_INTERVALS = 1000;
/** Meters report every 15 minutes: a shorter interval looks back this far to see every meter. */
const READING_PERIOD_SECONDS = 15 * 60;

interface LoadRow {
  powerKw: number;
  reportingMeters: number;
}

/**
 * The load of one district, interval after interval. Intervals are aligned on multiples of their
 * length since the Unix epoch, so every subscriber (and every replica) computes the same windows
 * under the same eventId, and a missed window can be recomputed from the stored readings: that
 * is what makes this computed stream resumable without logging it.
 */
export class DistrictLoadService {
  constructor(private readonly db: DataSource) {}

  /** Checks the arguments; returns the end (Unix seconds) of the first interval to send. */
  async firstIntervalEnd(args: DistrictLoadArgs, nowSeconds: number): Promise<number> {
    const interval = args.intervalSeconds;
    if (!Number.isInteger(interval) || interval < MIN_INTERVAL_SECONDS || interval > MAX_INTERVAL_SECONDS) {
      throw badInput(
        `\`intervalSeconds\` must be from ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS} (got ${interval})`,
        'intervalSeconds',
      );
    }
    if ((await this.supervisedBuildings(args.districtId)) === 0) {
      throw badInput(
        `District "${args.districtId}" has no public building with supervised heating`,
        'districtId',
      );
    }
    const latest = Math.floor(nowSeconds / interval) * interval;
    if (args.after === null || args.after === undefined) return latest; // the current load at once
    if (!/^\d{1,12}$/.test(args.after)) {
      throw badInput(
        `after must be an eventId received from districtLoad; got ${JSON.stringify(args.after)}`,
        'after',
      );
    }
    const after = Number(args.after);
    if (after > nowSeconds) throw badInput(`after: eventId ${args.after} is in the future`, 'after');
    if (latest - after > MAX_RESUMED_INTERVALS * interval) {
      throw badInput(
        `after: eventId ${args.after} is more than ${MAX_RESUMED_INTERVALS} intervals back; subscribe again without after`,
        'after',
      );
    }
    return (Math.floor(after / interval) + 1) * interval;
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

/**
 * The iterator a `districtLoad` subscription returns: each `next()` waits for the end of the
 * next interval, then computes it (at once for intervals already past, when resuming). A timer,
 * not a generator: `return()` must cancel a wait of up to an hour immediately, which an async
 * generator paused on its `await` cannot do.
 */
export class DistrictLoadTicker implements AsyncIterableIterator<DistrictLoadEvent> {
  private timer?: NodeJS.Timeout;
  private wake?: () => void;
  private stopped = false;

  constructor(
    private readonly service: DistrictLoadService,
    private readonly districtId: string,
    private readonly intervalSeconds: number,
    private nextEnd: number,
  ) {}

  async next(): Promise<IteratorResult<DistrictLoadEvent>> {
    const wait = this.nextEnd * 1000 - Date.now();
    if (wait > 0 && !this.stopped) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, wait);
      });
    }
    if (this.stopped) return { done: true, value: undefined };
    const end = this.nextEnd;
    this.nextEnd += this.intervalSeconds;
    return { done: false, value: await this.service.load(this.districtId, this.intervalSeconds, end) };
  }

  return(): Promise<IteratorResult<DistrictLoadEvent>> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wake?.();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error?: unknown): Promise<IteratorResult<DistrictLoadEvent>> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<DistrictLoadEvent> {
    return this;
  }
}
