import { parisBucketSql } from '#platform/time-buckets';

/** Anything that runs SQL: an EntityManager, a migration's QueryRunner. */
interface Sql {
  query(query: string, parameters?: unknown[]): Promise<unknown>;
}

/** Additive merging: sums and counts add, extremes compare (`greatest` and `least` skip NULL peaks as max does). */
const merge = (bucket: string) => `ON CONFLICT (meter_id, ${bucket}) DO UPDATE SET
  total = rollup.total + excluded.total, readings = rollup.readings + excluded.readings,
  minimum = least(rollup.minimum, excluded.minimum), maximum = greatest(rollup.maximum, excluded.maximum),
  peak = greatest(rollup.peak, excluded.peak)`;

/**
 * Adds the readings `where` selects to the hourly and daily roll-ups in one statement. The hourly
 * rows are UTC hours (Paris is always a whole number of hours from UTC, so any Paris hour, day,
 * week or month is a union of them) and the daily rows Paris days, computed from the same hourly
 * groups. With `merging`, a bucket already there takes the new readings in, so a bucket can be fed
 * in several passes; feeding the same reading twice would count it twice, which is why callers
 * pass only rows they have just inserted. Without it the buckets must be new (a bulk fill, which
 * then needs no unique index). Sums are exact decimals: the roll-up and the raw path then agree
 * to the last digit whatever order the values are added in.
 */
async function rollUp(sql: Sql, where: string, parameters: unknown[], merging: boolean): Promise<void> {
  await sql.query(
    `WITH fresh AS MATERIALIZED (
       SELECT meter_id, date_trunc('hour', observed_at, 'UTC') AS hour_start, sum(value::numeric) AS total,
              count(*)::int AS readings, min(value) AS minimum, max(value) AS maximum, max(power) AS peak
         FROM meter_reading
        WHERE ${where}
        GROUP BY 1, 2
     ), hourly AS (
       INSERT INTO meter_reading_hourly AS rollup (meter_id, hour_start, total, readings, minimum, maximum, peak)
       SELECT meter_id, hour_start, total, readings, minimum, maximum, peak FROM fresh ORDER BY 1, 2
       ${merging ? merge('hour_start') : ''}
     )
     INSERT INTO meter_reading_daily AS rollup (meter_id, day_start, total, readings, minimum, maximum, peak)
     SELECT meter_id, ${parisBucketSql("'day'", 'hour_start')}, sum(total), sum(readings)::int, min(minimum),
            max(maximum), max(peak)
       FROM fresh GROUP BY 1, 2 ORDER BY 1, 2
     ${merging ? merge('day_start') : ''}`,
    parameters,
  );
}

/** Adds readings just inserted (their `meter_reading.id`) to the roll-ups, in the caller's transaction. */
export async function rollUpInsertedReadings(sql: Sql, readingIds: string[]): Promise<void> {
  if (readingIds.length > 0) await rollUp(sql, 'id = ANY($1::bigint[])', [readingIds], true);
}

/**
 * Rolls up every reading observed in [from, to] into empty roll-ups (after a bulk load), one
 * Paris day at a time: each pass groups about 100,000 hours in memory, the BRIN index on
 * observed_at finds the day's rows, and no bucket is written twice, so the roll-ups' own indexes
 * may be dropped meanwhile and built once at the end.
 */
export async function rollUpAllReadings(sql: Sql, from: Date, to: Date): Promise<void> {
  // Hundreds of similar statements: compiling each one's expressions would cost more than it saves.
  await sql.query("SET LOCAL work_mem = '64MB'");
  await sql.query('SET LOCAL jit = off');
  const days = (await sql.query(
    `SELECT day AT TIME ZONE 'Europe/Paris' AS start
       FROM generate_series(date_trunc('day', $1::timestamptz AT TIME ZONE 'Europe/Paris'),
                            $2::timestamptz AT TIME ZONE 'Europe/Paris', interval '1 day') AS day`,
    [from, to],
  )) as { start: Date }[];
  for (const [index, day] of days.entries()) {
    const next = days[index + 1]?.start ?? 'infinity';
    await rollUp(sql, 'observed_at >= $1 AND observed_at < $2', [day.start, next], false);
  }
}
