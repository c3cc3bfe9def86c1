import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { serveDataset } from '#gateway/datasets';
import { energyDatasets } from '#datasets/energy/catalog';
import { ensureDatabase } from '#platform/database';
import { openDatabase } from '#platform/open-database';
import { parseExportRequest } from '#platform/exports/request';
import { ANONYMOUS, encodeIdentity, IDENTITY_HEADER } from '#platform/identity';
import { prepareDatabase } from '#app/platform';
import { SUBGRAPHS } from '#app/registry';
import { subgraphExecArgv } from '#platform/subgraphs';
import { loadDatasetIndex } from '#gateway/dataset-index';

/**
 * Bulk exports of the largest dataset, meter readings, at `BENCH_EXPORT_ROWS` rows (default
 * 300,000; `BENCH_EXPORT_ROWS=10000000` for the figure). Its own database,
 * `ocg_bench_exports`, is topped up with SQL-made readings (15-minute steps after the last seeded
 * one, for every meter) until it holds that many, and kept for the next run.
 *
 * The energy subgraph runs as its own process, as `npm start` runs it; its resident memory is read
 * from /proc every 100 ms during each export. Every export is timed beside `COPY … TO STDOUT` of
 * the same rows read by a client in this same run: the plain SELECT, and the CSV export's own
 * formatted statement. Downloads go to the subgraph's `/export` and through the gateway's
 * `/datasets` route (its code, served from this process).
 */

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 300_000);
/** `BENCH_EXPORT_FORMATS=csv,parquet` leaves out the slow NDJSON pass at ten million rows. */
const FORMATS = (process.env.BENCH_EXPORT_FORMATS ?? 'csv,parquet,ndjson,xlsx').split(',');
const MIB = 2 ** 20;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Adds readings for every meter, 15 minutes apart after the last one, until `target` rows exist. */
async function topUpReadings(sql: Client, target: number): Promise<number> {
  const count = async () =>
    Number((await sql.query<{ n: string }>('SELECT count(*) AS n FROM energy.meter_reading')).rows[0].n);
  let rows = await count();
  const meters = Number((await sql.query<{ n: string }>('SELECT count(*) AS n FROM energy.meter')).rows[0].n);
  while (rows < target) {
    const steps = Math.min(Math.ceil((target - rows) / meters), Math.ceil(1_000_000 / meters));
    const started = performance.now();
    await sql.query(
      `INSERT INTO energy.meter_reading (meter_id, observed_at, value, power, provenance)
       SELECT m.id, last.at + step * interval '15 minutes', round((random() * 40)::numeric, 3)::float8,
              round((random() * 160)::numeric, 3)::float8, 'GENERATED'
         FROM (SELECT max(observed_at) AS at FROM energy.meter_reading) last,
              generate_series(1, $1::int) step CROSS JOIN energy.meter m
        ORDER BY step, m.id`,
      [steps],
    );
    rows += steps * meters;
    console.log(
      `  seeded ${rows.toLocaleString('en')} readings (${((performance.now() - started) / 1000).toFixed(1)} s for this batch)`,
    );
  }
  if (rows > 0) await sql.query('VACUUM ANALYZE energy.meter_reading');
  return count();
}

interface Memory {
  samples: { at: number; rss: number }[];
}

/** Resident set of a process, sampled every 100 ms from /proc while `watch` runs. */
async function sampledRss<T>(pid: number, watch: () => Promise<T>): Promise<{ result: T; memory: Memory }> {
  const memory: Memory = { samples: [] };
  const started = performance.now();
  const sample = () => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    memory.samples.push({ at: (performance.now() - started) / 1000, rss: kib * 1024 });
  };
  sample();
  const timer = setInterval(sample, 100);
  try {
    const result = await watch();
    return { result, memory };
  } finally {
    clearInterval(timer);
    sample();
  }
}

function describeMemory(memory: Memory): string {
  const rss = memory.samples.map((sample) => sample.rss);
  const picks = Array.from({ length: 8 }, (_, i) => Math.round((i * (memory.samples.length - 1)) / 7)).map(
    (index) => memory.samples[index],
  );
  return (
    `start ${(rss[0] / MIB).toFixed(0)} MiB, peak ${(Math.max(...rss) / MIB).toFixed(0)} MiB, ` +
    `end ${(rss[rss.length - 1] / MIB).toFixed(0)} MiB over ${rss.length} samples; ` +
    picks.map((sample) => `${sample.at.toFixed(1)}s:${(sample.rss / MIB).toFixed(0)}`).join(' ')
  );
}

async function download(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  let bytes = 0;
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
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
}

async function copyToClient(sql: Client, statement: string) {
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of sql.query(copyTo(statement)) as AsyncIterable<Buffer>) bytes += chunk.length;
  return { seconds: (performance.now() - started) / 1000, bytes };
}

async function main(): Promise<void> {
  const database = await openDatabase(path.join(__dirname, '..', '..'));
  const url = new URL(database.url);
  url.pathname = '/ocg_bench_exports';
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  // Buildings and meters from the seed (a tenth of a day of readings); the volume comes from SQL.
  await prepareDatabase(
    databaseUrl,
    SUBGRAPHS.filter((definition) => definition.name === 'territory' || definition.name === 'energy'),
    { openDataDir: process.env.PARIS_OPEN_DATA_DIR, scale: 0.1, seed: 2026 },
  );
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const gatewaySecret = randomBytes(32).toString('hex');
  let energy: ChildProcess | undefined;
  let gateway: Server | undefined;
  try {
    const rows = await topUpReadings(sql, ROWS);
    if (rows > ROWS * 1.01)
      console.log(
        `  ocg_bench_exports already holds ${rows.toLocaleString('en')} readings: drop it to bench fewer`,
      );
    const port = await freePort();
    energy = fork(path.join(__dirname, '..', 'app', 'subgraph.js'), ['energy'], {
      // The heap bound `npm start` gives every subgraph.
      execArgv: subgraphExecArgv(),
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        GATEWAY_SECRET: gatewaySecret,
        SUBGRAPH_ENERGY_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
    });
    const child = energy;
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the energy subgraph exited with ${code}`)));
    });
    const pid = child.pid as number;
    const subgraphBase = `http://127.0.0.1:${port}`;
    gateway = createServer((request, response) => {
      void serveDataset(request, response, ANONYMOUS, {
        subgraphUrls: { energy: `${subgraphBase}/graphql` },
        datasets: loadDatasetIndex(),
        gatewaySecret,
      });
    });
    const server = gateway;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const gatewayBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const identity = { [IDENTITY_HEADER]: encodeIdentity(ANONYMOUS, gatewaySecret) };

    const definition = energyDatasets.find((candidate) => candidate.id === 'meter-readings');
    if (!definition) throw new Error('no meter-readings dataset');
    const plain = parseExportRequest(definition, 'csv', new URLSearchParams()).query;
    const plainCopy = `COPY (${plain.sql.replace(/, r\.id AS "__key"/, '')}) TO STDOUT WITH (FORMAT csv, HEADER)`;
    const exportCopy = parseExportRequest(definition, 'csv', new URLSearchParams()).copy as string;

    const table: Record<string, string | number>[] = [];
    const memories: string[] = [];
    const record = (
      label: string,
      run: { seconds: number; bytes: number },
      copySeconds: number,
      memory?: Memory,
    ) => {
      table.push({
        path: label,
        'rows/s': Math.round(rows / run.seconds),
        seconds: Number(run.seconds.toFixed(2)),
        MB: Number((run.bytes / 1e6).toFixed(1)),
        '× COPY': Number((copySeconds / run.seconds).toFixed(2)),
      });
      if (memory) memories.push(`${label}: ${describeMemory(memory)}`);
    };

    const copy = await copyToClient(sql, plainCopy);
    record('COPY (plain SELECT) TO STDOUT, read by a client', copy, copy.seconds);
    const formatted = await copyToClient(sql, exportCopy);
    record('COPY (the CSV export statement) TO STDOUT', formatted, copy.seconds);
    for (const format of FORMATS) {
      const direct = await sampledRss(pid, () =>
        download(`${subgraphBase}/export/meter-readings.${format}`, identity),
      );
      record(`GET subgraph /export/meter-readings.${format}`, direct.result, copy.seconds, direct.memory);
      const routed = await sampledRss(pid, () =>
        download(`${gatewayBase}/datasets/meter-readings.${format}`),
      );
      record(`GET gateway /datasets/meter-readings.${format}`, routed.result, copy.seconds, routed.memory);
    }

    console.log(
      `\nExports of meter-readings (${rows.toLocaleString('en')} rows; ${database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`,
    );
    console.table(table);
    console.log('Resident memory of the energy subgraph process (target < 256 MiB and flat):');
    for (const line of memories) console.log(`  ${line}`);
  } finally {
    energy?.kill('SIGTERM');
    await new Promise((resolve) => (gateway ? gateway.close(resolve) : resolve(undefined)));
    await sql.end();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
