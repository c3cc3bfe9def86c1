import type { DataSource } from 'typeorm';
import { EnergyClass } from '../building/building.entity';
import type { ReadingWindow } from '../meter-reading/meter-reading.input';
import type { EnergyClassCount } from './energy-summary.entity';

/** What energy figures are grouped by: one building, an arrondissement, or a district. */
export type EnergyScope = 'building' | 'arrondissement' | 'district';

const SCOPE_COLUMN: Record<EnergyScope, string> = {
  building: 'b.id',
  arrondissement: 'b.arrondissement_code',
  district: 'b.district_id',
};

export interface BuildingStock {
  buildingCount: number;
  supervisedBuildingCount: number;
  floorAreaM2: number;
  supervisedFloorAreaM2: number;
  annualConsumptionKwh: number;
  buildingsByEnergyClass: EnergyClassCount[];
}

export interface MeterTotals {
  firstObservedAt: Date;
  lastObservedAt: Date;
  intervalCount: number;
  heatKwh: number;
  gasKwh: number;
  electricityKwh: number;
  waterM3: number;
  peakPowerKw: number;
}

interface StockRow {
  key: string | number;
  energy_class: EnergyClass;
  buildings: number;
  supervised: number;
  floor_area: number;
  supervised_floor_area: number;
  annual_kwh: number;
}

interface TotalsRow {
  key: string | number;
  first_observed_at: Date;
  last_observed_at: Date;
  intervals: number;
  heat: number;
  gas: number;
  electricity: number;
  water: number;
  peak_power: number;
}

export class EnergySummaryService {
  constructor(private readonly db: DataSource) {}

  /** Counts, areas and audited consumption of the buildings of each key, in one statement. */
  async stock(scope: EnergyScope, keys: readonly (string | number)[]): Promise<BuildingStock[]> {
    const column = SCOPE_COLUMN[scope];
    const rows = await this.db.query<StockRow[]>(
      `SELECT ${column} AS key, b.energy_class,
              count(*)::int AS buildings,
              count(*) FILTER (WHERE b.heating_supervised)::int AS supervised,
              sum(b.floor_area_m2) AS floor_area,
              coalesce(sum(b.floor_area_m2) FILTER (WHERE b.heating_supervised), 0) AS supervised_floor_area,
              sum(b.floor_area_m2 * b.annual_consumption_kwh_per_m2) AS annual_kwh
         FROM building b
        WHERE ${column} = ANY($1)
        GROUP BY 1, 2`,
      [[...keys]],
    );
    return keys.map((key) => {
      const own = rows.filter((row) => String(row.key) === String(key));
      const total = (pick: (row: StockRow) => number) => own.reduce((sum, row) => sum + pick(row), 0);
      return {
        buildingCount: total((row) => row.buildings),
        supervisedBuildingCount: total((row) => row.supervised),
        floorAreaM2: total((row) => row.floor_area),
        supervisedFloorAreaM2: total((row) => row.supervised_floor_area),
        annualConsumptionKwh: total((row) => row.annual_kwh),
        buildingsByEnergyClass: Object.values(EnergyClass).map((energyClass) => ({
          energyClass,
          count: own.find((row) => row.energy_class === energyClass)?.buildings ?? 0,
        })),
      };
    });
  }

  /**
   * Readings of each key summed per meter kind over the window, in one statement. The inner query
   * adds up all meters per interval, so the peak is that of the group's load, not of one meter.
   */
  async totals(
    scope: EnergyScope,
    keys: readonly (string | number)[],
    window: ReadingWindow,
  ): Promise<(MeterTotals | null)[]> {
    const column = SCOPE_COLUMN[scope];
    const parameters: unknown[] = [[...keys]];
    let bounds = '';
    if (window.from) {
      parameters.push(window.from);
      bounds += ` AND r.observed_at > $${parameters.length}`;
    }
    if (window.to) {
      parameters.push(window.to);
      bounds += ` AND r.observed_at <= $${parameters.length}`;
    }
    const rows = await this.db.query<TotalsRow[]>(
      `SELECT key, min(observed_at) AS first_observed_at, max(observed_at) AS last_observed_at,
              count(*)::int AS intervals,
              coalesce(sum(heat), 0) AS heat, coalesce(sum(gas), 0) AS gas,
              coalesce(sum(electricity), 0) AS electricity, coalesce(sum(water), 0) AS water,
              coalesce(max(power), 0) AS peak_power
         FROM (SELECT ${column} AS key, r.observed_at,
                      sum(r.value) FILTER (WHERE m.kind = 'HEAT') AS heat,
                      sum(r.value) FILTER (WHERE m.kind = 'GAS') AS gas,
                      sum(r.value) FILTER (WHERE m.kind = 'ELECTRICITY') AS electricity,
                      sum(r.value) FILTER (WHERE m.kind = 'WATER') AS water,
                      sum(r.power) AS power
                 FROM meter_reading r
                 JOIN meter m ON m.id = r.meter_id
                 JOIN building b ON b.id = m.building_id
                WHERE ${column} = ANY($1)${bounds}
                GROUP BY 1, 2) AS per_interval
        GROUP BY key`,
      parameters,
    );
    return keys.map((key) => {
      const row = rows.find((candidate) => String(candidate.key) === String(key));
      if (!row) return null;
      return {
        firstObservedAt: row.first_observed_at,
        lastObservedAt: row.last_observed_at,
        intervalCount: row.intervals,
        heatKwh: row.heat,
        gasKwh: row.gas,
        electricityKwh: row.electricity,
        waterM3: row.water,
        peakPowerKw: row.peak_power,
      };
    });
  }
}
