import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roll-ups of `meter_reading` per meter and UTC hour, and per meter and Paris day, so that a year
 * of 15-minute readings (about 150 M rows for the full stock) aggregates by reading about 37 M
 * hourly or 1.6 M daily rows. They are derived data, rebuilt with the readings they summarise: no
 * foreign key to `meter` (the seed truncates all three tables together, and a key check per
 * roll-up row would slow the bulk fill for nothing). `total` is an exact decimal so sums do not
 * depend on the order they are added in. Existing readings are rolled up here, so a database
 * migrated with data answers the same through the roll-ups as through the raw table.
 *
 * Partitioning `meter_reading` by month is left out: the roll-ups take the large scans off the
 * raw table, the BRIN index already limits a time range to its blocks (what pruning partitions
 * would give), and a partitioned table could no longer keep `reading_id` unique across all
 * readings, which the idempotent ingestion relies on.
 */
export class CreateMeterReadingRollups1764000000400 implements MigrationInterface {
  name = 'CreateMeterReadingRollups1764000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, bucket] of [
      ['meter_reading_hourly', 'hour_start'],
      ['meter_reading_daily', 'day_start'],
    ]) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          meter_id text NOT NULL,
          ${bucket} timestamptz NOT NULL,
          total numeric NOT NULL CHECK (total >= 0),
          readings integer NOT NULL CHECK (readings > 0),
          minimum double precision NOT NULL,
          maximum double precision NOT NULL,
          peak double precision,
          PRIMARY KEY (meter_id, ${bucket})
        )`);
      // Whole-city and district ranges read every meter's rows of the range.
      await queryRunner.query(`CREATE INDEX "IDX_${table}_${bucket}" ON ${table} (${bucket})`);
    }
    const [range] = (await queryRunner.query(
      'SELECT min(observed_at) AS first, max(observed_at) AS last FROM meter_reading',
    )) as { first: Date | null; last: Date | null }[];
    if (range.first && range.last) await backfill(queryRunner, range.first, range.last);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE meter_reading_daily');
    await queryRunner.query('DROP TABLE meter_reading_hourly');
  }
}

/**
 * Rolls up the readings already there when the roll-ups were created, one Paris day at a time
 * (each pass groups about 100,000 hours in memory; the BRIN index on observed_at finds the day).
 * The SQL is this migration's own, frozen as it ran: the energy service's roll-up code may change,
 * an applied migration must not.
 */
async function backfill(queryRunner: QueryRunner, from: Date, to: Date): Promise<void> {
  // Hundreds of similar statements: compiling each one's expressions would cost more than it saves.
  await queryRunner.query("SET LOCAL work_mem = '64MB'");
  await queryRunner.query('SET LOCAL jit = off');
  const days = (await queryRunner.query(
    `SELECT day AT TIME ZONE 'Europe/Paris' AS start
       FROM generate_series(date_trunc('day', $1::timestamptz AT TIME ZONE 'Europe/Paris'),
                            $2::timestamptz AT TIME ZONE 'Europe/Paris', interval '1 day') AS day`,
    [from, to],
  )) as { start: Date }[];
  for (const [index, day] of days.entries()) {
    await queryRunner.query(
      `WITH fresh AS MATERIALIZED (
         SELECT meter_id, date_trunc('hour', observed_at, 'UTC') AS hour_start, sum(value::numeric) AS total,
                count(*)::int AS readings, min(value) AS minimum, max(value) AS maximum, max(power) AS peak
           FROM meter_reading
          WHERE observed_at >= $1 AND observed_at < $2
          GROUP BY 1, 2
       ), hourly AS (
         INSERT INTO meter_reading_hourly (meter_id, hour_start, total, readings, minimum, maximum, peak)
         SELECT meter_id, hour_start, total, readings, minimum, maximum, peak FROM fresh ORDER BY 1, 2
       )
       INSERT INTO meter_reading_daily (meter_id, day_start, total, readings, minimum, maximum, peak)
       SELECT meter_id, (date_trunc('day', hour_start AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'Europe/Paris'),
              sum(total), sum(readings)::int, min(minimum), max(maximum), max(peak)
         FROM fresh GROUP BY 1, 2 ORDER BY 1, 2`,
      [day.start, days[index + 1]?.start ?? 'infinity'],
    );
  }
}
