import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { ensureDatabase } from '#platform/database';
import { openDatabase } from '#platform/open-database';
import { prepareDatabase, startInProcessPlatform } from '#app/platform';
import { energy, territory } from '#app/registry';
import { ConsumptionSource, consumptionSql } from '#energy/modules/consumption/consumption.service';

const ENERGY_KINDS = ['HEAT', 'ELECTRICITY', 'GAS'];

/** The median duration, in seconds, of `runs` sequential runs of `work`. */
async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const seconds: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    seconds.push((performance.now() - started) / 1000);
  }
  seconds.sort((a, b) => a - b);
  return seconds[Math.floor(seconds.length / 2)];
}

/**
 * `BENCH_SCALE` days of 15-minute readings for the full stock (1,500 supervised buildings, about
 * 414,000 rows a day; default 7 days, `BENCH_SCALE=365` is the full year, ≈ 151 M rows) generated
 * into a fresh `ocg_bench_aggregation` database: rows, generation rate and database size; then
 * the daily aggregation over the whole range for all buildings through GraphQL, beside the same
 * SQL run directly on the raw table and on the daily roll-up (median of `BENCH_RUNS`, default 5).
 */
async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? 7);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const database = await openDatabase(path.join(__dirname, '..', '..'));
  const url = new URL(database.url);
  url.pathname = '/ocg_bench_aggregation';
  const databaseUrl = url.toString();
  const admin = new URL(database.url);
  admin.pathname = '/postgres';
  const dropDatabase = async () => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query('DROP DATABASE IF EXISTS ocg_bench_aggregation WITH (FORCE)');
    await client.end();
  };
  await dropDatabase();
  await ensureDatabase(databaseUrl);

  const options = { openDataDir: process.env.PARIS_OPEN_DATA_DIR, scale, seed: 2026 };
  await prepareDatabase(databaseUrl, [territory], options);
  const seedStarted = performance.now();
  const reports = await prepareDatabase(databaseUrl, [energy], options);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const rows = reports.find((report) => report.dataset === 'meter-readings')?.rows ?? 0;

  const sql = new Client({ connectionString: databaseUrl, options: '-c search_path=energy,public' });
  await sql.connect();
  const platform = await startInProcessPlatform(databaseUrl, [territory, energy]);
  try {
    await sql.query('VACUUM ANALYZE');

    const sizes = (
      await sql.query<{ name: string; bytes: string }>(
        `SELECT 'database' AS name, pg_database_size(current_database()) AS bytes
         UNION ALL SELECT relname, pg_total_relation_size(oid) FROM pg_class
          WHERE relnamespace = 'energy'::regnamespace
            AND relname IN ('meter_reading', 'meter_reading_hourly', 'meter_reading_daily')`,
      )
    ).rows;

    // Paris midnights around the readings: the whole range, in whole days. The hourly roll-up
    // (indexed by hour) has the readings' range; the daily one also holds the history around retrofits.
    const [range] = (
      await sql.query<{ from: Date; to: Date }>(
        `SELECT date_trunc('day', min(hour_start), 'Europe/Paris') AS from,
                (date_trunc('day', max(hour_start) AT TIME ZONE 'Europe/Paris') + interval '1 day') AT TIME ZONE 'Europe/Paris' AS to
           FROM meter_reading_hourly`,
      )
    ).rows;
    const parameters = ['day', range.from, range.to, ENERGY_KINDS];
    const query = `query ($from: DateTime!, $to: DateTime!) {
      energyConsumption(filter: { granularity: DAY, from: $from, to: $to }) {
        start totalKwh averageKwh minimumKwh maximumKwh peakPowerKw intensityKwhPerM2 readings
      }
    }`;
    const graphql = async () => {
      const response = await fetch(platform.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { from: range.from, to: range.to } }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    // One request first: the gateway's query plan and the connections are then warm, as for a dashboard.
    await graphql();
    const month = new Date(range.from.getTime() + 30 * 86_400_000);
    const timings = [
      { path: 'GraphQL energyConsumption (through the gateway)', seconds: await median(runs, graphql) },
      {
        path: 'same SQL, daily roll-up',
        seconds: await median(runs, () => sql.query(consumptionSql(ConsumptionSource.DAILY), parameters)),
      },
      {
        path: 'same SQL, hourly roll-up',
        seconds: await median(runs, () => sql.query(consumptionSql(ConsumptionSource.HOURLY), parameters)),
      },
      {
        path: 'same SQL, raw readings',
        seconds: await median(runs, () => sql.query(consumptionSql(ConsumptionSource.READINGS), parameters)),
      },
      {
        path: 'raw readings, float sums (before the roll-ups)',
        seconds: await median(runs, () =>
          sql.query(
            `SELECT date_trunc($1, r.observed_at AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'Europe/Paris' AS start,
                    sum(r.value), avg(r.value), min(r.value), max(r.value), max(r.power), count(*)
               FROM meter_reading r JOIN meter m ON m.id = r.meter_id JOIN building b ON b.id = m.building_id
              WHERE r.observed_at >= $2 AND r.observed_at < $3 AND m.kind = ANY($4) GROUP BY 1 ORDER BY 1`,
            parameters,
          ),
        ),
      },
      {
        path: 'same SQL, raw readings, first 30 days only (BRIN)',
        seconds: await median(runs, () =>
          sql.query(consumptionSql(ConsumptionSource.READINGS), ['day', range.from, month, ENERGY_KINDS]),
        ),
      },
    ];

    console.log(
      `\nMeter readings at BENCH_SCALE=${scale} (${database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`,
    );
    console.log(
      `Generated ${rows.toLocaleString('en')} rows in ${seedSeconds.toFixed(1)} s (COPY and roll-ups, one transaction): ` +
        `${Math.round(rows / seedSeconds).toLocaleString('en')} rows/s (the seed's log line splits load and roll-up)`,
    );
    console.table(sizes.map((size) => ({ relation: size.name, MB: (Number(size.bytes) / 1e6).toFixed(0) })));
    console.log(
      `Daily aggregation, all buildings, ${range.from.toISOString()} to ${range.to.toISOString()} (median of ${runs})`,
    );
    console.table(timings.map((timing) => ({ path: timing.path, seconds: timing.seconds.toFixed(3) })));
  } finally {
    await sql.end();
    await platform.stop();
    // A full year is tens of gigabytes: give the disk back.
    await dropDatabase();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
