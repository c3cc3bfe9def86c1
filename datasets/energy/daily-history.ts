import type { EntityManager } from 'typeorm';
import type { Building } from '#energy/modules/building/building.entity';
import { MeterKind, type Meter } from '#energy/modules/meter/meter.entity';
import { DAY_MS, INTERVAL_MS, INTERVALS_PER_DAY, ParisWeather } from './load-profiles';
import { copyRows, GeneratedDay, meterDay, powerOf, supervisedPlans } from './readings';
import { parisDayStart, type DailyHistorySpan, type RetrofitEffect } from './retrofits';

/** One row of `meter_reading_daily`: what the roll-up of a Paris day's readings holds. */
export interface DailyRollUp {
  meterId: string;
  /** The Paris midnight the day starts at. */
  dayStartMs: number;
  /** Exact sum of the readings, in thousandths of the unit (each reading is rounded to the thousandth). */
  totalThousandths: number;
  readings: number;
  minimum: number;
  maximum: number;
  peak: number | null;
}

/**
 * The daily roll-ups of the energy meters (water excluded) of the buildings in `spans`, over each
 * one's Paris days, without the readings: the very rows that rolling up what `generateReadings`
 * gives for those days would write (a reading belongs to the Paris day its end falls in, and its
 * noise is drawn whole per UTC day, so the values are the same). Rows come per UTC day in meter
 * order, each Paris day once its last reading is in.
 */
export function* generateDailyHistory(
  seed: number,
  buildings: Building[],
  meters: Meter[],
  spans: ReadonlyMap<string, DailyHistorySpan>,
  retrofits: ReadonlyMap<string, RetrofitEffect>,
): Generator<DailyRollUp> {
  const entries = supervisedPlans(
    seed,
    buildings.filter((building) => spans.has(building.id)),
    meters.filter((meter) => meter.kind !== MeterKind.WATER),
    retrofits,
  ).map((plan) => ({
    plan,
    span: spans.get(plan.buildingId) as DailyHistorySpan,
    open: null as DailyRollUp | null,
  }));
  if (entries.length === 0) return;
  const weather = new ParisWeather(seed);
  const firstMs = Math.min(...entries.map((entry) => entry.span.fromMs));
  const lastMs = Math.max(...entries.map((entry) => entry.span.toMs));
  // A Paris day starts on the UTC day before it (at 22:00 or 23:00), with the reading ending at its midnight.
  for (let dayMs = Math.floor(firstMs / DAY_MS) * DAY_MS; dayMs < lastMs; dayMs += DAY_MS) {
    const day = new GeneratedDay(dayMs, weather);
    // Paris is ahead of UTC: the day's ends fall in the Paris day of its UTC date or in the next one.
    const nextDayStart = parisDayStart(dayMs + DAY_MS);
    const dayStart = parisDayStart(dayMs);
    const dayStarts = day.ends.map((end) => (end >= nextDayStart ? nextDayStart : dayStart));
    for (const entry of entries) {
      const { plan, span } = entry;
      if (dayMs + INTERVAL_MS >= span.toMs || dayMs + DAY_MS < span.fromMs) continue;
      const values = meterDay(seed, plan, day);
      for (let index = 0; index < INTERVALS_PER_DAY; index += 1) {
        const end = day.ends[index];
        if (end < span.fromMs || end >= span.toMs) continue;
        if (entry.open && entry.open.dayStartMs !== dayStarts[index]) {
          yield entry.open;
          entry.open = null;
        }
        const value = values[index];
        const power = powerOf(plan, value);
        const open = (entry.open ??= {
          meterId: plan.meterId,
          dayStartMs: dayStarts[index],
          totalThousandths: 0,
          readings: 0,
          minimum: value,
          maximum: value,
          peak: power,
        });
        open.totalThousandths += Math.round(value * 1000);
        open.readings += 1;
        open.minimum = Math.min(open.minimum, value);
        open.maximum = Math.max(open.maximum, value);
        if (power !== null && (open.peak === null || power > open.peak)) open.peak = power;
      }
      if (entry.open && dayMs + DAY_MS >= span.toMs) {
        yield entry.open;
        entry.open = null;
      }
    }
  }
}

/** An exact decimal from thousandths (non-negative): 12345 → "12.345". */
function thousandths(value: number): string {
  return `${Math.floor(value / 1000)}.${String(value % 1000).padStart(3, '0')}`;
}

function* copyChunks(rows: Iterable<DailyRollUp>): Generator<string> {
  let chunk = '';
  let count = 0;
  for (const row of rows) {
    chunk += `${row.meterId}\t${new Date(row.dayStartMs).toISOString()}\t${thousandths(row.totalThousandths)}\t${row.readings}\t${row.minimum}\t${row.maximum}\t${row.peak ?? '\\N'}\n`;
    count += 1;
    if (count % 5_000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * Writes the daily history into `meter_reading_daily` with COPY, in the seed's transaction (the
 * table was truncated in it, so FREEZE applies). Its days must lie before those of the readings,
 * which are rolled up into buckets of their own. Returns the row count.
 */
export function writeDailyHistory(
  manager: EntityManager,
  seed: number,
  buildings: Building[],
  meters: Meter[],
  spans: ReadonlyMap<string, DailyHistorySpan>,
  retrofits: ReadonlyMap<string, RetrofitEffect>,
): Promise<number> {
  return copyRows(
    manager,
    'COPY meter_reading_daily (meter_id, day_start, total, readings, minimum, maximum, peak) FROM STDIN WITH (FREEZE)',
    copyChunks(generateDailyHistory(seed, buildings, meters, spans, retrofits)),
  );
}
