import 'reflect-metadata';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startBenchPlatform } from './platform';

/**
 * Bulk exports of the largest dataset (meter readings): rows per second of the streamed CSV and
 * Parquet exports through the gateway, side by side with PostgreSQL's own `COPY … TO` (server-side CSV) of
 * the same rows in the same run; peak RSS of the process while exporting; and the daily
 * aggregation over every reading through GraphQL beside the same SQL run directly.
 * `SCALE=N` seeds N days of 15-minute readings for 1,500 buildings (about 414,000 rows a day).
 */
async function main(): Promise<void> {
  const bench = await startBenchPlatform();
  const { platform } = bench;
  const sql = new Client({ connectionString: bench.databaseUrl });
  await sql.connect();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  try {
    const [{ count }] = (await sql.query<{ count: string }>('SELECT count(*) FROM energy.meter_reading'))
      .rows;
    const rows = Number(count);
    const base = platform.gateway.url.replace(/\/graphql$/, '');
    const startRss = process.memoryUsage().rss;

    const timeExport = async (format: string) => {
      const started = performance.now();
      let bytes = 0;
      const response = await fetch(`${base}/datasets/meter-readings.${format}`);
      await pipeline(
        Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            bytes += chunk.length;
            done();
          },
        }),
      );
      return { seconds: (performance.now() - started) / 1000, bytes };
    };

    const copyStarted = performance.now();
    // COPY to /dev/null on the server: PostgreSQL's own CSV writer with no transfer at all, a
    // conservative yardstick (our exports also cross the network twice and are parsed by a client).
    await sql.query(
      `COPY (SELECT r.id, r.meter_id, m.building_id, m.kind, m.unit, b.arrondissement_code, r.observed_at, r.value, r.power, r.provenance
               FROM energy.meter_reading r JOIN energy.meter m ON m.id = r.meter_id JOIN energy.building b ON b.id = m.building_id
              ORDER BY r.id) TO '/dev/null' WITH (FORMAT csv, HEADER)`,
    );
    const copySeconds = (performance.now() - copyStarted) / 1000;
    const csv = await timeExport('csv');
    const parquet = await timeExport('parquet');

    const aggregationQuery = `{ energyConsumption(filter: { granularity: DAY, from: "2000-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z" }) { start totalKwh } }`;
    const graphStarted = performance.now();
    await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: aggregationQuery }),
    });
    const graphSeconds = (performance.now() - graphStarted) / 1000;
    const sqlStarted = performance.now();
    await sql.query(
      `SELECT date_trunc('day', r.observed_at AT TIME ZONE 'Europe/Paris') AS day, sum(r.value)
         FROM energy.meter_reading r JOIN energy.meter m ON m.id = r.meter_id
        WHERE m.kind IN ('HEAT', 'ELECTRICITY', 'GAS') GROUP BY 1 ORDER BY 1`,
    );
    const sqlSeconds = (performance.now() - sqlStarted) / 1000;

    console.log(`\nExports of meter-readings (${rows.toLocaleString('en')} rows; ${bench.where})`);
    console.table([
      {
        path: 'COPY … TO /dev/null (server-side CSV)',
        'rows/s': Math.round(rows / copySeconds),
        seconds: copySeconds.toFixed(2),
      },
      {
        path: 'GET /datasets/meter-readings.csv',
        'rows/s': Math.round(rows / csv.seconds),
        seconds: csv.seconds.toFixed(2),
        MB: (csv.bytes / 1e6).toFixed(1),
      },
      {
        path: 'GET /datasets/meter-readings.parquet',
        'rows/s': Math.round(rows / parquet.seconds),
        seconds: parquet.seconds.toFixed(2),
        MB: (parquet.bytes / 1e6).toFixed(1),
      },
    ]);
    console.log(
      `CSV export rate / COPY rate: ${(rows / csv.seconds / (rows / copySeconds)).toFixed(2)} (target ≥ 0.5)`,
    );
    console.log(
      `RSS of the serving process: ${(startRss / 2 ** 20).toFixed(0)} MiB before, peak ${(peakRss / 2 ** 20).toFixed(0)} MiB during the exports (target < 256 MiB and flat)`,
    );
    console.log(
      `Daily aggregation over every reading: GraphQL ${graphSeconds.toFixed(2)} s, the same SQL directly ${sqlSeconds.toFixed(2)} s`,
    );
  } finally {
    clearInterval(sampler);
    await sql.end();
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
