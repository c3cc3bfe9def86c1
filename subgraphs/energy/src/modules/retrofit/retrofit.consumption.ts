/** The energy a retrofit's building consumed over the Paris days [first, end), or NULL. */
function yearConsumptionSql(schema: string, retrofit: string, first: string, end: string): string {
  // Every energy meter (water excluded) must have readings on every day of the year, else NULL:
  // a sum over part of a year would read as a saving or a loss that did not happen.
  return `
    SELECT CASE WHEN count(*) > 0 AND bool_and(per_meter.days = (${end}) - (${first}))
                THEN sum(per_meter.total)::float8 END AS kwh
      FROM ${schema}meter AS retrofit_meter
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS days, sum(daily.total) AS total
         FROM ${schema}meter_reading_daily daily
        WHERE daily.meter_id = retrofit_meter.id
          AND daily.day_start >= (${first})::timestamp AT TIME ZONE 'Europe/Paris'
          AND daily.day_start < (${end})::timestamp AT TIME ZONE 'Europe/Paris') AS per_meter
     WHERE retrofit_meter.building_id = ${retrofit}.building_id AND retrofit_meter.kind <> 'WATER'`;
}

/**
 * What the meters say about a retrofit, for the GraphQL field and the export alike: a join adding
 * `consumption.year_before_kwh` (the 365 or 366 Paris days before the works started) and
 * `consumption.year_after_kwh` (those from the day they were completed), each summed from the daily
 * roll-up (exact decimals, the same figures as the readings) and NULL unless the readings cover
 * that whole year: one index range per meter and year. OFFSET 0 keeps the two sums computed once
 * per retrofit (not again wherever the saving repeats them), and a statement that reads neither
 * (a count) computes neither. `schema` qualifies the tables ("energy.") where the search path does not.
 */
export function retrofitConsumptionJoin(retrofit: string, schema = ''): string {
  const before = yearConsumptionSql(
    schema,
    retrofit,
    `(${retrofit}.started_on - interval '1 year')::date`,
    `${retrofit}.started_on`,
  );
  const after = yearConsumptionSql(
    schema,
    retrofit,
    `${retrofit}.completed_on`,
    `(${retrofit}.completed_on + interval '1 year')::date`,
  );
  return `CROSS JOIN LATERAL (SELECT (${before}) AS year_before_kwh, (${after}) AS year_after_kwh OFFSET 0) AS consumption`;
}

/** The measured saving, % of the year before, to one decimal; NULL unless both years are measured. */
export const SAVING_PERCENT_SQL = `CASE WHEN consumption.year_before_kwh > 0 AND consumption.year_after_kwh IS NOT NULL
  THEN round((100 * (1 - consumption.year_after_kwh / consumption.year_before_kwh))::numeric, 1)::float8 END`;
