import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager, QueryRunner } from 'typeorm';
import { logger } from '#platform/logger';
import { SeededRandom } from '#platform/random';
import { HeatingSystem, type Building } from '#energy/modules/building/building.entity';
import { MeterKind, type Meter } from '#energy/modules/meter/meter.entity';
import {
  annualDemand,
  DAY_MS,
  demand,
  instant,
  INTERVAL_MS,
  INTERVALS_PER_DAY,
  ParisWeather,
  type Demand,
  type Instant,
} from './load-profiles';
import { CATEGORY_PROFILES, type Schedule } from './reference';
import type { RetrofitEffect } from './retrofits';

/** Scale 1 generates one day of 15-minute readings; the window grows with the scale up to a year (scale 365). */
export const DAYS_PER_SCALE = 1;
export const MAX_READING_DAYS = 365;
/** Rows per chunk written to the COPY stream (about 300 kB of text). */
const ROWS_PER_CHUNK = 5_000;
/** Below this many rows (about 12 days at the full stock) generation is quick and logs no progress. */
const PROGRESS_FROM_ROWS = 5_000_000;

export interface ReadingWindowPlan {
  /** Exclusive: the first reading ends one interval after it. */
  start: Date;
  /** Inclusive: the last reading's `observedAt`. */
  end: Date;
  intervals: number;
}

/**
 * The window of generated readings: `DAYS_PER_SCALE × scale` days (at most a year) ending at the
 * last midnight UTC, or at ENERGY_READINGS_END (an ISO instant) to reproduce a given window.
 * A reading's value depends only on the seed, the meter and its instant, never on the window.
 */
export function readingWindowPlan(
  scale: number,
  now = new Date(),
  env: NodeJS.ProcessEnv = process.env,
): ReadingWindowPlan {
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`The scale must be a positive number (got ${scale})`);
  let endMs = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  if (env.ENERGY_READINGS_END) {
    endMs = Date.parse(env.ENERGY_READINGS_END);
    if (!Number.isFinite(endMs))
      throw new Error(`ENERGY_READINGS_END is not an ISO instant: ${env.ENERGY_READINGS_END}`);
    endMs = Math.floor(endMs / INTERVAL_MS) * INTERVAL_MS;
  }
  const intervals = Math.max(
    1,
    Math.round(Math.min(MAX_READING_DAYS, DAYS_PER_SCALE * scale) * INTERVALS_PER_DAY),
  );
  return { start: new Date(endMs - intervals * INTERVAL_MS), end: new Date(endMs), intervals };
}

/** What a meter counts: its share of the building's annual consumption, and the demand shape it follows. */
export interface MeterPlan {
  meterId: string;
  buildingId: string;
  schedule: Schedule;
  isWater: boolean;
  /** Annual amount (kWh or m³) carried by each demand shape. */
  annual: Demand;
  /** The building's retrofit, for energy meters: readings before it are higher. */
  retrofit: RetrofitEffect | null;
}

function meterPlan(
  seed: number,
  meter: Meter,
  building: Building,
  retrofit: RetrofitEffect | null,
): MeterPlan {
  const profile = CATEGORY_PROFILES[building.category];
  const annualKwh = building.annualConsumptionKwhPerM2 * building.floorAreaM2;
  const heatingKwh = annualKwh * profile.heatingShare;
  const heatsElectrically =
    building.heatingSystem === HeatingSystem.HEAT_PUMP || building.heatingSystem === HeatingSystem.ELECTRIC;
  const annual: Demand = { heating: 0, electricity: 0, water: 0 };
  if (meter.kind === MeterKind.ELECTRICITY) {
    annual.electricity = annualKwh - heatingKwh;
    if (heatsElectrically) annual.heating = heatingKwh;
  } else if (meter.kind === MeterKind.WATER) {
    const usage = Math.exp(new SeededRandom(seed, `${building.id}/water`).normal(0, 0.3));
    annual.water = profile.waterIntensity * building.floorAreaM2 * usage;
  } else {
    annual.heating = heatingKwh;
  }
  const isWater = meter.kind === MeterKind.WATER;
  return {
    meterId: meter.id,
    buildingId: building.id,
    schedule: profile.schedule,
    isWater,
    annual,
    retrofit: isWater ? null : retrofit,
  };
}

export interface GeneratedReading {
  meterId: string;
  observedAtMs: number;
  value: number;
  power: number | null;
}

/** A UTC day as every meter sees it: its 96 interval ends and, per schedule, the demand of each interval. */
export class GeneratedDay {
  /** Each interval is evaluated at its middle and labelled by its end. */
  readonly ends: number[];
  private readonly instants: Instant[];
  private readonly shapes = new Map<Schedule, Demand[]>();

  constructor(
    readonly dayMs: number,
    weather: ParisWeather,
  ) {
    this.instants = Array.from({ length: INTERVALS_PER_DAY }, (_, index) => {
      const middle = dayMs + index * INTERVAL_MS + INTERVAL_MS / 2;
      return instant(middle, weather.temperature(middle));
    });
    this.ends = this.instants.map((at) => at.utcMs + INTERVAL_MS / 2);
  }

  shape(schedule: Schedule): Demand[] {
    let shape = this.shapes.get(schedule);
    if (!shape) {
      shape = this.instants.map((at) => demand(schedule, at));
      this.shapes.set(schedule, shape);
    }
    return shape;
  }
}

/**
 * A meter's 96 values of a UTC day (kWh or m³, to the thousandth). A whole day of noise is always
 * drawn, so a value never depends on which of the day's readings are kept.
 */
export function meterDay(seed: number, plan: MeterPlan, day: GeneratedDay): Float64Array {
  const shape = day.shape(plan.schedule);
  const yearly = annualDemand(plan.schedule);
  const noise = new SeededRandom(seed, `${plan.meterId}@${day.dayMs / DAY_MS}`);
  const dayFactor = Math.max(0.5, noise.normal(1, 0.06));
  const values = new Float64Array(INTERVALS_PER_DAY);
  for (let index = 0; index < INTERVALS_PER_DAY; index += 1) {
    const intervalFactor = Math.max(0, noise.normal(1, 0.05));
    const share = shape[index];
    const expected =
      (plan.annual.heating * share.heating) / yearly.heating +
      (plan.annual.electricity * share.electricity) / yearly.electricity +
      (plan.annual.water * share.water) / yearly.water;
    const retrofitFactor =
      plan.retrofit && day.ends[index] <= plan.retrofit.completedMs ? plan.retrofit.beforeFactor : 1;
    values[index] = Math.round(expected * dayFactor * intervalFactor * retrofitFactor * 1000) / 1000;
  }
  return values;
}

const HOURS_PER_INTERVAL = INTERVAL_MS / 3_600_000;

/** Mean power over an interval, kW, to the watt (none for water). */
export function powerOf(plan: MeterPlan, value: number): number | null {
  return plan.isWater ? null : Math.round((value / HOURS_PER_INTERVAL) * 1000) / 1000;
}

/** The plans of the meters of the supervised buildings (the others have no readings). */
export function supervisedPlans(
  seed: number,
  buildings: Building[],
  meters: Meter[],
  retrofits: ReadonlyMap<string, RetrofitEffect>,
): MeterPlan[] {
  const supervised = new Map(
    buildings.filter((building) => building.heatingSupervised).map((building) => [building.id, building]),
  );
  return meters
    .filter((meter) => supervised.has(meter.buildingId))
    .map((meter) =>
      meterPlan(
        seed,
        meter,
        supervised.get(meter.buildingId) as Building,
        retrofits.get(meter.buildingId) ?? null,
      ),
    );
}

/**
 * The readings of every meter of the supervised buildings over the window, one UTC day at a time
 * for all meters, so rows come in time order (what the BRIN index on observed_at relies on) and
 * memory stays flat whatever the scale. `retrofits` (by building id) raise the readings from
 * before each building's works.
 */
export function* generateReadings(
  seed: number,
  buildings: Building[],
  meters: Meter[],
  window: ReadingWindowPlan,
  retrofits: ReadonlyMap<string, RetrofitEffect>,
): Generator<GeneratedReading> {
  const plans = supervisedPlans(seed, buildings, meters, retrofits);
  const weather = new ParisWeather(seed);
  const startMs = window.start.getTime();
  const endMs = window.end.getTime();
  for (let dayMs = Math.floor(startMs / DAY_MS) * DAY_MS; dayMs < endMs; dayMs += DAY_MS) {
    const day = new GeneratedDay(dayMs, weather);
    for (const plan of plans) {
      const values = meterDay(seed, plan, day);
      for (let index = 0; index < INTERVALS_PER_DAY; index += 1) {
        const end = day.ends[index];
        if (end <= startMs || end > endMs) continue;
        const value = values[index];
        yield { meterId: plan.meterId, observedAtMs: end, value, power: powerOf(plan, value) };
      }
    }
  }
}

/** One COPY text row: tab-separated, `\N` for NULL. */
function copyLine(reading: GeneratedReading, observedAt: string): string {
  return `${reading.meterId}\t${observedAt}\t${reading.value}\t${reading.power ?? '\\N'}\tGENERATED\n`;
}

/**
 * The generated rows as COPY text, in chunks of a few hundred kilobytes. Every meter shares a
 * day's 96 instants, so their ISO strings are formatted once per instant, not once per row.
 */
function* copyChunks(
  readings: Iterable<GeneratedReading>,
  progress: (rows: number) => void,
): Generator<string> {
  const instants = new Map<number, string>();
  let chunk = '';
  let rows = 0;
  for (const reading of readings) {
    let observedAt = instants.get(reading.observedAtMs);
    if (observedAt === undefined) {
      if (instants.size > 2 * INTERVALS_PER_DAY) instants.clear();
      observedAt = new Date(reading.observedAtMs).toISOString();
      instants.set(reading.observedAtMs, observedAt);
    }
    chunk += copyLine(reading, observedAt);
    rows += 1;
    if (rows % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
      progress(rows);
    }
  }
  if (chunk !== '') yield chunk;
  progress(rows);
}

/** Logs about every 5 % of a large generation (a full year takes minutes), nothing for small ones. */
function progressLogger(expectedRows: number): (rows: number) => void {
  if (expectedRows < PROGRESS_FROM_ROWS) return () => undefined;
  const started = Date.now();
  const step = Math.max(ROWS_PER_CHUNK, Math.round(expectedRows / 20 / ROWS_PER_CHUNK) * ROWS_PER_CHUNK);
  return (rows) => {
    if (rows % step !== 0 && rows !== expectedRows) return;
    const seconds = (Date.now() - started) / 1000;
    logger.info(
      {
        rows,
        expectedRows,
        percent: Math.round((100 * rows) / expectedRows),
        rowsPerSecond: Math.round(rows / Math.max(seconds, 0.001)),
      },
      'generating meter readings',
    );
  };
}

/**
 * Runs `load` with the table's keys, foreign keys and indexes dropped, then builds them again, in
 * the caller's transaction (a failure restores them with everything else): one sorted build per
 * index instead of one index descent and one key check per row is about three times faster.
 * The definitions are read from the catalog, so the migrations stay their only source.
 */
export async function withoutIndexes<T>(
  manager: EntityManager,
  table: string,
  load: () => Promise<T>,
): Promise<T> {
  const constraints = await manager.query<{ name: string; definition: string }[]>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'f')
      ORDER BY contype = 'f', conname`,
    [table],
  );
  const indexes = await manager.query<{ name: string; definition: string }[]>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index
      WHERE indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid)`,
    [table],
  );
  for (const index of indexes) await manager.query(`DROP INDEX ${index.name}`);
  if (constraints.length > 0) {
    await manager.query(
      `ALTER TABLE ${table} ${constraints.map((constraint) => `DROP CONSTRAINT "${constraint.name}"`).join(', ')}`,
    );
  }
  const result = await load();
  for (const constraint of constraints) {
    await manager.query(`ALTER TABLE ${table} ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`);
  }
  for (const index of indexes) await manager.query(index.definition);
  return result;
}

/**
 * Streams COPY text into a table with one COPY FROM STDIN on the transaction's own connection:
 * constant memory (the chunks are pulled only as fast as PostgreSQL takes them). Returns the row count.
 */
export async function copyRows(
  manager: EntityManager,
  statement: string,
  chunks: Iterable<string>,
): Promise<number> {
  const client = (await (manager.queryRunner as QueryRunner).connect()) as PoolClient;
  const copy = client.query(copyFrom(statement));
  await pipeline(Readable.from(chunks), copy);
  return copy.rowCount;
}

/**
 * Streams the generated readings into `meter_reading` (`copyRows`): constant memory whatever the
 * scale. The table must have been truncated in this transaction,
 * which lets COPY FREEZE skip the later rewrite of every row's visibility hints, and its indexes
 * are built once the rows are in. Returns the row count.
 */
export async function writeReadings(
  manager: EntityManager,
  seed: number,
  buildings: Building[],
  meters: Meter[],
  window: ReadingWindowPlan,
  retrofits: ReadonlyMap<string, RetrofitEffect>,
): Promise<number> {
  const supervised = new Set(
    buildings.filter((building) => building.heatingSupervised).map((building) => building.id),
  );
  const expectedRows = meters.filter((meter) => supervised.has(meter.buildingId)).length * window.intervals;
  return withoutIndexes(manager, 'meter_reading', () =>
    copyRows(
      manager,
      'COPY meter_reading (meter_id, observed_at, value, power, provenance) FROM STDIN WITH (FREEZE)',
      copyChunks(generateReadings(seed, buildings, meters, window, retrofits), progressLogger(expectedRows)),
    ),
  );
}
