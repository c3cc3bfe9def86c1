import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ensureDatabase } from '#platform/database';
import { openDatabase } from '#platform/open-database';
import { tracingExecArgv } from '#platform/observability/tracing';
import { prepareDatabase } from '#app/platform';
import { territory, waste } from '#app/registry';
import { measureQuery } from './load';

const QUERY = `query SeventeenthStations {
  arrondissement(code: 17) { name districts { name } wasteStations(first: 5) { edges { node { id name } } } }
}`;

interface Peer {
  name: string;
  env: NodeJS.ProcessEnv;
  child?: ChildProcess;
  url?: string;
  rates: number[];
  p50: number[];
}

/**
 * `npm run bench:ops`: the cost of observability on gateway throughput. Three identical platforms
 * (territory + waste behind a gateway, each its own process) differ only in METRICS=off, metrics
 * on (the default) and metrics plus tracing exported over OTLP to a sink in this process; they are
 * loaded in turn, round after round, so the machine's noise falls on all three alike.
 */
async function main(): Promise<void> {
  const database = await openDatabase(path.join(__dirname, '..', '..'));
  const url = new URL(database.url);
  url.pathname = '/ocg_bench';
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await prepareDatabase(databaseUrl, [territory, waste], { scale: 1, seed: 2026 });

  let exportedBytes = 0;
  const sink = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (exportedBytes += chunk.length));
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

  const peers: Peer[] = [
    { name: 'metrics off', env: { METRICS: 'off' }, rates: [], p50: [] },
    { name: 'metrics on', env: {}, rates: [], p50: [] },
    { name: 'metrics + tracing', env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, rates: [], p50: [] },
  ];
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
  const durationMs = Number(process.env.BENCH_SECONDS ?? 3) * 1000;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  try {
    for (const peer of peers) {
      // The OTLP endpoint is the tracing peer's alone, whatever the bench's own environment says.
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
        ...peer.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
      };
      if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) delete env.OTEL_EXPORTER_OTLP_ENDPOINT;
      const child = fork(path.join(__dirname, 'ops-server.js'), [], { env, execArgv: tracingExecArgv(env) });
      peer.child = child;
      peer.url = await new Promise<string>((resolve, reject) => {
        child.once('message', (message: { url: string }) => resolve(message.url));
        child.once('exit', (code) => reject(new Error(`${peer.name} exited (${code})`)));
      });
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const peer of peers) {
        const result = await measureQuery(peer.url!, peer.name, QUERY, { concurrency, durationMs });
        if (result.errors > 0) throw new Error(`${peer.name}: ${result.errors} errors`);
        peer.rates.push(result.requestsPerSecond);
        peer.p50.push(result.p50Ms);
      }
    }
  } finally {
    for (const peer of peers) peer.child?.disconnect();
    sink.close();
    await database.stop();
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const baseline = mean(peers[0].rates);
  console.log(
    `\nObservability overhead — one federated query (territory + waste), ${concurrency} clients, ${rounds} rounds of ${durationMs / 1000} s per peer, peers interleaved\n`,
  );
  console.log('peer                 req/s (mean)   p50 ms   vs metrics off');
  for (const peer of peers) {
    const rate = mean(peer.rates);
    console.log(
      `${peer.name.padEnd(20)} ${rate.toFixed(0).padStart(12)} ${mean(peer.p50).toFixed(1).padStart(8)}   ${((rate / baseline - 1) * 100).toFixed(1).padStart(6)} %`,
    );
  }
  console.log(`\nOTLP bytes received from the tracing peer: ${exportedBytes}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
