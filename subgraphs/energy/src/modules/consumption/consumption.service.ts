import type { DataSource } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';
import { MeterKind } from '../meter/meter.entity';
import { Granularity, parisBucketSql, validateTimeRange } from '#platform/time-buckets';
import type { EnergyConsumptionBucket } from './consumption.entity';
import type { EnergyConsumptionInput } from './consumption.input';

const ENERGY_KINDS = [MeterKind.HEAT, MeterKind.ELECTRICITY, MeterKind.GAS];

const ROLLED_UP = `sum(r.total) AS total, sum(r.readings) AS readings, min(r.minimum) AS minimum,
                   max(r.maximum) AS maximum, max(r.peak) AS peak`;

interface BucketRow {
  start: Date;
  total: number;
  average: number;
  minimum: number;
  maximum: number;
  peak: number | null;
  readings: number;
}

export enum ConsumptionSource {
  READINGS = 'readings',
  HOURLY = 'hourly',
  DAILY = 'daily',
}

/**
 * Where buckets are summed from. The roll-ups hold, per meter and bucket, the exact decimal sum,
 * the count and the extremes of the 15-minute readings, so every source gives the same figures:
 * minimum and maximum stay those of single readings, the mean is still the sum over the count.
 * The one exception is the generated daily history around retrofits (datasets/energy), days kept
 * as daily roll-ups without their readings: only the daily source sees them.
 */
const SOURCES: Record<ConsumptionSource, { table: string; instant: string; aggregates: string }> = {
  [ConsumptionSource.READINGS]: {
    table: 'meter_reading',
    instant: 'observed_at',
    aggregates: `sum(r.value::numeric) AS total, count(*) AS readings, min(r.value)::float8 AS minimum,
                 max(r.value)::float8 AS maximum, max(r.power)::float8 AS peak`,
  },
  [ConsumptionSource.HOURLY]: { table: 'meter_reading_hourly', instant: 'hour_start', aggregates: ROLLED_UP },
  [ConsumptionSource.DAILY]: { table: 'meter_reading_daily', instant: 'day_start', aggregates: ROLLED_UP },
};

const HOUR_MS = 3_600_000;
const parisHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  hourCycle: 'h23',
});
const isWholeHour = (instant: Date) => instant.getTime() % HOUR_MS === 0;
const isParisMidnight = (instant: Date) => isWholeHour(instant) && parisHour.format(instant) === '00';

/**
 * The coarsest roll-up whose buckets tile the range: days when it runs from a Paris midnight to a
 * Paris midnight (and hours are not asked for), hours when it starts and ends on the hour, the
 * readings themselves otherwise.
 */
export function sourceFor(
  input: Pick<EnergyConsumptionInput, 'granularity' | 'from' | 'to'>,
): ConsumptionSource {
  if (input.granularity !== Granularity.HOUR && isParisMidnight(input.from) && isParisMidnight(input.to)) {
    return ConsumptionSource.DAILY;
  }
  if (isWholeHour(input.from) && isWholeHour(input.to)) return ConsumptionSource.HOURLY;
  return ConsumptionSource.READINGS;
}

/**
 * The bucket statement over one source. Parameters: granularity, from, to, meter kinds and, with
 * a `scopeColumn` (`b.id`, `m.id`, `b.district_id` or `b.arrondissement_code`), its value.
 */
export function consumptionSql(from: ConsumptionSource, scopeColumn?: string): string {
  const source = SOURCES[from];
  return `SELECT start, total::float8 AS total, (total / readings)::float8 AS average, minimum, maximum, peak,
                 readings::int AS readings
            FROM (SELECT ${parisBucketSql('$1', `r.${source.instant}`)} AS start, ${source.aggregates}
                    FROM ${source.table} r
                    JOIN meter m ON m.id = r.meter_id
                    JOIN building b ON b.id = m.building_id
                   WHERE r.${source.instant} >= $2 AND r.${source.instant} < $3 AND m.kind = ANY($4)
                     AND ${scopeColumn ? `${scopeColumn} = $5` : 'true'}
                   GROUP BY 1) AS bucket
           ORDER BY 1`;
}

/**
 * Time-series aggregation done by PostgreSQL next to the data: one grouped statement over the
 * daily or hourly roll-ups when the range allows, over the readings otherwise (the (meter_id,
 * observed_at) index and the BRIN index on observed_at serve the range), one for the floor area
 * in scope. Nothing is summed in JavaScript.
 */
export class ConsumptionService {
  constructor(private readonly db: DataSource) {}

  async aggregate(input: EnergyConsumptionInput): Promise<EnergyConsumptionBucket[]> {
    const scopes = [input.buildingId, input.meterId, input.districtId, input.arrondissement].filter(
      (value) => value !== null && value !== undefined,
    );
    if (scopes.length > 1) {
      throw badInput('Give at most one of buildingId, meterId, districtId and arrondissement', 'filter');
    }
    validateArrondissement(input.arrondissement);
    const kinds = input.kinds?.length ? input.kinds : ENERGY_KINDS;
    if (kinds.includes(MeterKind.WATER)) {
      throw badInput('WATER is measured in m³ and cannot be added to energy; aggregate it alone', 'kinds');
    }
    validateTimeRange(input);

    const scope = scopeOf(input);
    const [buckets, [area]] = await Promise.all([
      this.db.query<BucketRow[]>(consumptionSql(sourceFor(input), scope?.column), [
        input.granularity,
        input.from,
        input.to,
        kinds,
        ...(scope ? [scope.value] : []),
      ]),
      this.db.query<{ area: number | null }[]>(
        `SELECT sum(b.floor_area_m2)::float8 AS area
           FROM building b
          WHERE b.heating_supervised AND EXISTS (
                SELECT 1 FROM meter m WHERE m.building_id = b.id AND m.kind = ANY($1)
                   AND ${scope ? `${scope.column} = $2` : 'true'})`,
        [kinds, ...(scope ? [scope.value] : [])],
      ),
    ]);
    return buckets.map((row) => ({
      start: row.start,
      totalKwh: row.total,
      averageKwh: row.average,
      minimumKwh: row.minimum,
      maximumKwh: row.maximum,
      peakPowerKw: row.peak,
      intensityKwhPerM2: area.area ? row.total / area.area : null,
      readings: row.readings,
    }));
  }
}

/** The one scope column a request narrows to, if any. */
function scopeOf(input: EnergyConsumptionInput): { column: string; value: string | number } | undefined {
  if (input.buildingId) return { column: 'b.id', value: input.buildingId };
  if (input.meterId) return { column: 'm.id', value: input.meterId };
  if (input.districtId) return { column: 'b.district_id', value: input.districtId };
  if (input.arrondissement) return { column: 'b.arrondissement_code', value: input.arrondissement };
  return undefined;
}
