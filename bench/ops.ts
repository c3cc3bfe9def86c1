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
import { profileShares } from './cpu-profile';
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
  /** This peer's throughput over the metrics-off peer's, one per round (the same minute's noise). */
  ratios: number[];
  /** CPU time of the peer's process per request answered, in ms, one per round. */
  cpuPerRequest: number[];
  /** This peer's CPU per request over the metrics-off peer's, one per round. */
  cpuRatios: number[];
}

/** The peer process's CPU time (user + system), in ms. */
function cpuTime(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { cpu?: NodeJS.CpuUsage }) => {
      if (!message.cpu) return;
      child.off('message', onMessage);
      resolve((message.cpu.user + message.cpu.system) / 1000);
    };
    child.on('message', onMessage);
    child.send({ cpu: true });
  });
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percent = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`;

/**
 * `npm run bench:ops`: the cost of observability on gateway throughput. Three identical platforms
 * (territory + waste behind a gateway, each its own process) differ only in METRICS=off, metrics
 * on (the default) and metrics plus tracing exported over OTLP to a sink in this process; they are
 * loaded in turn, round after round, so the machine's noise falls on all three alike. Each round
 * starts with a different peer (a fixed order would hand the same slot's drift to the same peer),
 * and each peer's throughput is divided by the metrics-off peer's of the same round: the figure is
 * the median of those ratios, with their spread (min–max). It also reads each peer's CPU time
 * around each measure: CPU per request is what observability adds to the work, and it depends far
 * less than throughput on the other tenants of a shared machine. The response cache is off (every
 * request is planned, fetched from both subgraphs and answered: the gateway's real work);
 * `BENCH_RESPONSE_CACHE=on` measures the cached path instead, where fixed costs weigh most.
 */
async function main(): Promise<void> {
  const database = await openDatabase(path.join(__dirname, '..', '..'));
  const url = new URL(database.url);
  // Its own database: other benches prepare theirs at other scales.
  url.pathname = '/ocg_bench_ops';
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
    {
      name: 'metrics off',
      env: { METRICS: 'off' },
      rates: [],
      p50: [],
      ratios: [],
      cpuPerRequest: [],
      cpuRatios: [],
    },
    { name: 'metrics on', env: {}, rates: [], p50: [], ratios: [], cpuPerRequest: [], cpuRatios: [] },
    {
      name: 'metrics + tracing',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
      rates: [],
      p50: [],
      ratios: [],
      cpuPerRequest: [],
      cpuRatios: [],
    },
  ];
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
  const durationMs = Number(process.env.BENCH_SECONDS ?? 3) * 1000;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
  const responseCache = process.env.BENCH_RESPONSE_CACHE === 'on';
  try {
    for (const peer of peers) {
      // The OTLP endpoint is the tracing peer's alone, whatever the bench's own environment says.
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
        ...peer.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        ...(responseCache ? {} : { RESPONSE_CACHE_ENTRIES: '0' }),
      };
      if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) delete env.OTEL_EXPORTER_OTLP_ENDPOINT;
      // BENCH_CPU_PROF=<folder>: each peer writes a V8 CPU profile there when it stops (what costs what).
      const profile = process.env.BENCH_CPU_PROF
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`,
            `--cpu-prof-name=${peer.name.replace(/\W+/g, '-')}.cpuprofile`,
          ]
        : [];
      const child = fork(path.join(__dirname, 'ops-server.js'), [], {
        env,
        execArgv: [...tracingExecArgv(env), ...profile],
      });
      peer.child = child;
      peer.url = await new Promise<string>((resolve, reject) => {
        child.once('message', (message: { url: string }) => resolve(message.url));
        child.once('exit', (code) => reject(new Error(`${peer.name} exited (${code})`)));
      });
    }
    // One short pass each first: JIT, pools and plan caches warm before anything counts.
    for (const peer of peers)
      await measureQuery(peer.url!, peer.name, QUERY, {
        concurrency,
        durationMs: Math.min(durationMs, 1000),
      });
    for (let round = 0; round < rounds; round += 1) {
      const rates = new Map<Peer, number>();
      const cpu = new Map<Peer, number>();
      for (let turn = 0; turn < peers.length; turn += 1) {
        const peer = peers[(round + turn) % peers.length];
        const cpuBefore = await cpuTime(peer.child!);
        const result = await measureQuery(peer.url!, peer.name, QUERY, { concurrency, durationMs });
        const cpuUsed = (await cpuTime(peer.child!)) - cpuBefore;
        if (result.errors > 0) throw new Error(`${peer.name}: ${result.errors} errors`);
        peer.rates.push(result.requestsPerSecond);
        peer.p50.push(result.p50Ms);
        rates.set(peer, result.requestsPerSecond);
        // measureQuery sends 20 warm-up requests before it counts: they used CPU too.
        const perRequest = cpuUsed / (result.requests + 20);
        peer.cpuPerRequest.push(perRequest);
        cpu.set(peer, perRequest);
      }
      for (const peer of peers) {
        peer.ratios.push(rates.get(peer)! / rates.get(peers[0])!);
        peer.cpuRatios.push(cpu.get(peer)! / cpu.get(peers[0])!);
      }
    }
  } finally {
    const exited = peers.map(
      (peer) =>
        new Promise<void>((resolve) => {
          if (!peer.child || peer.child.exitCode !== null) return resolve();
          peer.child.once('exit', () => resolve());
          setTimeout(resolve, 15_000).unref();
        }),
    );
    for (const peer of peers) peer.child?.disconnect();
    // A profile is written as its peer exits.
    await Promise.all(exited);
    sink.close();
    await database.stop();
  }
  console.log(
    `\nObservability overhead — one federated query (territory + waste), response cache ${responseCache ? 'on' : 'off'}, ` +
      `${concurrency} clients, ${rounds} rounds of ${durationMs / 1000} s per peer, peers interleaved (order rotated)\n`,
  );
  const spread = (peer: Peer, ratios: number[]) =>
    peer === peers[0]
      ? 'baseline'.padStart(30)
      : `${percent(median(ratios)).padStart(8)} (${percent(Math.min(...ratios))} … ${percent(Math.max(...ratios))})`.padStart(
          30,
        );
  console.log(
    'Ratios to metrics off: the median of the rounds (min … max)\n' +
      'peer                 req/s   p50 ms  CPU ms/req           throughput vs off            CPU per request vs off',
  );
  for (const peer of peers) {
    console.log(
      `${peer.name.padEnd(20)} ${mean(peer.rates).toFixed(0).padStart(5)} ${mean(peer.p50).toFixed(1).padStart(8)} ${median(peer.cpuPerRequest).toFixed(2).padStart(11)}   ${spread(peer, peer.ratios)}   ${spread(peer, peer.cpuRatios)}`,
    );
  }
  const throughputCost = 1 - median(peers[1].ratios);
  const cpuCost = median(peers[1].cpuRatios) - 1;
  const noise = (Math.max(...peers[1].cpuRatios) - Math.min(...peers[1].cpuRatios)) * 100;
  console.log(
    `\nMetrics on (tracing off): throughput ${percent(1 - throughputCost)}, CPU per request ${percent(1 + cpuCost)} ` +
      `(target: under 5 % of throughput)${noise > 10 ? `; the rounds spread over ${noise.toFixed(0)} points, more than the target: the machine is busy, read the CPU profile (BENCH_CPU_PROF=<folder>)` : ''}.`,
  );
  console.log(`OTLP bytes received from the tracing peer: ${exportedBytes}`);
  const folder = process.env.BENCH_CPU_PROF;
  if (!folder) return;
  // What the code of each concern used of its peer's CPU, whatever else ran on the machine.
  const categories = {
    metrics: /prom-client|observability\/metrics/,
    tracing: /@opentelemetry|observability\/trac/,
  };
  console.log(
    '\nCPU profile of each peer (its whole run): share of its busy CPU time spent in\n' +
      'peer                 busy s   metrics (prom-client, metrics.ts)   OpenTelemetry (API, SDK)     GC',
  );
  const share = (value: number | undefined) => `${((value ?? 0) * 100).toFixed(2)} %`;
  let metricsShare = 0;
  for (const peer of peers) {
    const { busyMs, shares } = profileShares(
      path.join(folder, `${peer.name.replace(/\W+/g, '-')}.cpuprofile`),
      categories,
    );
    console.log(
      `${peer.name.padEnd(20)} ${(busyMs / 1000).toFixed(1).padStart(6)} ${share(shares.metrics).padStart(35)} ${share(shares.tracing).padStart(26)} ${share(shares.gc).padStart(8)}`,
    );
    if (peer === peers[1]) metricsShare = shares.metrics ?? 0;
  }
  console.log(
    `\nMetrics code used ${share(metricsShare)} of the metrics-on peer's CPU (target < 5 %): ${metricsShare < 0.05 ? 'within' : 'OVER'} target.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
