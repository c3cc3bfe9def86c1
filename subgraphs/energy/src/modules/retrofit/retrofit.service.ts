import type { DataSource } from 'typeorm';
import { retrofitConsumptionJoin, SAVING_PERCENT_SQL } from './retrofit.consumption';
import { Retrofit } from './retrofit.entity';

export class RetrofitService {
  constructor(private readonly db: DataSource) {}

  /** The retrofits of the buildings, oldest first, with what the meters measured around them: one statement. */
  async byBuildings(buildingIds: readonly string[]): Promise<Retrofit[]> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT retrofit.id, retrofit.building_id AS "buildingId", retrofit.started_on::text AS "startedOn",
              retrofit.completed_on::text AS "completedOn", retrofit.cost_euros AS "costEuros", retrofit.measures,
              retrofit.expected_saving_percent AS "expectedSavingPercent",
              consumption.year_before_kwh AS "consumptionYearBeforeKwh",
              consumption.year_after_kwh AS "consumptionYearAfterKwh",
              ${SAVING_PERCENT_SQL} AS "savingPercent", retrofit.provenance
         FROM retrofit ${retrofitConsumptionJoin('retrofit')}
        WHERE retrofit.building_id = ANY($1::text[])
        ORDER BY retrofit.building_id, retrofit.started_on, retrofit.id`,
      [[...buildingIds]],
    );
    return rows.map((row) => Object.assign(new Retrofit(), row));
  }
}
