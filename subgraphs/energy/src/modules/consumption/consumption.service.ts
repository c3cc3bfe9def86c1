import type { DataSource } from 'typeorm';
import { validateArrondissement } from '../../../../../platform/src/city';
import { badInput } from '../../../../../platform/src/errors';
import { MeterKind } from '../meter/meter.entity';
import { Granularity, type EnergyConsumptionBucket } from './consumption.entity';
import type { EnergyConsumptionInput } from './consumption.input';

/** A year of hourly buckets: enough for any dashboard, bounded for the server. */
export const MAX_BUCKETS = 9000;

const BUCKET_HOURS: Record<Granularity, number> = {
  [Granularity.HOUR]: 1,
  [Granularity.DAY]: 24,
  [Granularity.WEEK]: 24 * 7,
  [Granularity.MONTH]: 24 * 28,
};

const ENERGY_KINDS = [MeterKind.HEAT, MeterKind.ELECTRICITY, MeterKind.GAS];

interface BucketRow {
  start: Date;
  total: number;
  average: number;
  minimum: number;
  maximum: number;
  peak: number | null;
  readings: number;
}

/**
 * Time-series aggregation done by PostgreSQL next to the data: one grouped statement over the
 * readings (the (meter_id, observed_at) index and the BRIN index on observed_at serve the range),
 * one for the floor area in scope. Nothing is summed in JavaScript.
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
    if (!(input.from < input.to)) throw badInput('`from` must be before `to`', 'from');
    const hours = (input.to.getTime() - input.from.getTime()) / 3_600_000;
    if (hours / BUCKET_HOURS[input.granularity] > MAX_BUCKETS) {
      throw badInput(
        `That range holds more than ${MAX_BUCKETS} ${input.granularity} buckets: use a coarser granularity`,
        'granularity',
      );
    }

    const scope = scopeOf(input);
    const [buckets, [area]] = await Promise.all([
      this.db.query<BucketRow[]>(
        `SELECT date_trunc($1, r.observed_at AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'Europe/Paris' AS start,
                sum(r.value)::float8 AS total, avg(r.value)::float8 AS average,
                min(r.value)::float8 AS minimum, max(r.value)::float8 AS maximum,
                max(r.power)::float8 AS peak, count(*)::int AS readings
           FROM meter_reading r
           JOIN meter m ON m.id = r.meter_id
           JOIN building b ON b.id = m.building_id
          WHERE r.observed_at >= $2 AND r.observed_at < $3 AND m.kind = ANY($4)
            AND ${scope ? `${scope.column} = $5` : 'true'}
          GROUP BY 1 ORDER BY 1`,
        [input.granularity, input.from, input.to, kinds, ...(scope ? [scope.value] : [])],
      ),
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
