import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { migrateGateway } from '#gateway/database';
import { ensureDatabase } from '#platform/database';
import { GATEWAYS_UNDER_TEST, type GatewayUnderTest } from './gateways';
import { measureGateway, subgraphFetches, type Placement } from './measure';
import { canPin, killAllStarted, startProcess, stopProcess, type BenchProcess } from './processes';
import { IDENTICAL_BODY, TEST_QUERY } from './query';
import { judgeAnswer, referenceAnswer } from './reference';
import { runsTable, summarise, summaryTable, type LoadMode, type Measurement } from './report';
import { composeBenchSupergraph } from './supergraph';
import { gatewayMigrations } from '#migrations/gateway/index';

const env = process.env;
const SETTINGS = {
  connections: Number(env.CONNECTIONS ?? 50),
  seconds: Number(env.DURATION ?? 20),
  warmupSeconds: Number(env.WARMUP ?? 5),
  rounds: Number(env.ROUNDS ?? 2),
  // generous: on a loaded machine 50 requests in flight can take many seconds each
  timeoutSeconds: Number(env.TIMEOUT ?? 30),
  gateways: (env.GATEWAYS ?? GATEWAYS_UNDER_TEST.map((g) => g.id).join(','))
    .split(',')
    .map((id) => id.trim()),
  modes: (env.MODES ?? 'unique,identical').split(',').map((mode) => mode.trim()) as LoadMode[],
  subgraphPort: Number(env.SUBGRAPH_PORT ?? 5201),
  gatewayPort: Number(env.GATEWAY_PORT ?? 5210),
  pin: env.PIN !== '0' && canPin(availableParallelism()),
  // The project's gateway keeps API keys in PostgreSQL: its own database on DATABASE_URL's server.
  databaseUrl: (() => {
    const url = new URL(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = '/ocg_bench_gateways';
    return url.toString();
  })(),
};
const PEERS = ['apollo', 'hive-tuned'];
const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, '127.0.0.1');
  });
}

async function post(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: IDENTICAL_BODY,
    signal: AbortSignal.timeout(SETTINGS.timeoutSeconds * 1000),
  });
  return { status: response.status, body: await response.text() };
}

async function waitUntil(
  ready: () => Promise<boolean>,
  what: string,
  started: BenchProcess | null,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started && started.child.exitCode !== null)
      throw new Error(`${what} exited:\n${started.output().slice(-3000)}`);
    if (await ready().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms:\n${started?.output().slice(-3000) ?? ''}`);
}

/** Starts one gateway, checks one direct answer, measures it under each load, stops it. */
async function measureOne(
  gateway: GatewayUnderTest,
  round: number,
  context: { supergraphPath: string; reference: string; placement: Placement; gatewayCpus: string | null },
): Promise<Measurement[]> {
  const url = `http://127.0.0.1:${SETTINGS.gatewayPort}/graphql`;
  await waitUntil(() => portFree(SETTINGS.gatewayPort), `port ${SETTINGS.gatewayPort}`, null, 15_000);
  const launch = gateway.launch({
    supergraphPath: context.supergraphPath,
    port: SETTINGS.gatewayPort,
    databaseUrl: SETTINGS.databaseUrl,
    projectRoot: PROJECT_ROOT,
  });
  const started = startProcess(launch.args, {
    cpus: context.gatewayCpus,
    cwd: launch.cwd,
    env: { ...env, NODE_ENV: 'production', ...launch.env },
  });
  try {
    await waitUntil(
      async () => (await post(url)).status === 200,
      gateway.id,
      started,
      gateway.startTimeoutMs,
    );
    const before = await subgraphFetches(context.placement.subgraphsUrl);
    const direct = await post(url);
    const after = await subgraphFetches(context.placement.subgraphsUrl);
    const fetchesAlone = after.total - before.total;
    const verdict = judgeAnswer(direct.status, direct.body, context.reference);
    if (verdict !== 'ok') process.exitCode = 1;
    console.log(
      `[round ${round}] ${gateway.label}: one request alone: HTTP ${direct.status}, ${Buffer.byteLength(direct.body)} bytes, ` +
        `${verdict === 'ok' ? 'equals the reference' : `${verdict} (not the reference)`}, ${fetchesAlone} subgraph fetches`,
    );
    const measurements: Measurement[] = [];
    for (const mode of SETTINGS.modes) {
      const measured = await measureGateway(
        started,
        { round, gateway: gateway.id, mode },
        { url, ...SETTINGS },
        context.placement,
      );
      const { firstFailure, socketErrors, ...measurement } = measured;
      console.log(
        `  ${mode}: ${measurement.requestsPerSecond.toFixed(1)} req/s, p50 ${measurement.p50Ms} ms, p99 ${measurement.p99Ms} ms, ` +
          `${measurement.failures} failures (${socketErrors} timeouts or connection errors), ${measurement.fetchesPerRequest.toFixed(1)} fetches/req, gateway CPU ${measurement.gatewayCpuPercent.toFixed(0)} %` +
          (firstFailure ? `\n  first failure: ${firstFailure}` : ''),
      );
      measurements.push({ ...measurement, fetchesAlone });
    }
    return measurements;
  } finally {
    await stopProcess(started);
  }
}

/**
 * `npm run bench:gateways`: the public gateway benchmark shape on the project's own subgraphs, each
 * gateway alone on one core, unique then identical requests, several rounds in alternation; every
 * answer is checked against a non-federated execution of the same data. Figures are printed.
 */
async function main(): Promise<void> {
  const gateways = SETTINGS.gateways.map((id) => {
    const gateway = GATEWAYS_UNDER_TEST.find((g) => g.id === id);
    if (!gateway)
      throw new Error(`unknown gateway "${id}" (known: ${GATEWAYS_UNDER_TEST.map((g) => g.id).join(', ')})`);
    return gateway;
  });
  for (const port of [SETTINGS.subgraphPort, SETTINGS.gatewayPort]) {
    if (!(await portFree(port))) throw new Error(`port ${port} is busy: set SUBGRAPH_PORT / GATEWAY_PORT`);
  }
  const subgraphsUrl = `http://127.0.0.1:${SETTINGS.subgraphPort}`;
  const supergraphPath = path.join(mkdtempSync(path.join(tmpdir(), 'bench-gateways-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, composeBenchSupergraph(subgraphsUrl));
  const reference = await referenceAnswer(TEST_QUERY);
  if (SETTINGS.gateways.includes('ocg')) {
    await ensureDatabase(SETTINGS.databaseUrl);
    await migrateGateway(SETTINGS.databaseUrl, gatewayMigrations);
  }

  const [gatewayCpus, otherCpus] = SETTINGS.pin ? ['1', '0'] : [null, null];
  console.log(
    `${SETTINGS.connections} connections, ${SETTINGS.warmupSeconds} s warm-up + ${SETTINGS.seconds} s measured per load, ` +
      `${SETTINGS.rounds} rounds of [${SETTINGS.gateways.join(', ')}] × [${SETTINGS.modes.join(', ')}]; ` +
      `${SETTINGS.pin ? 'gateway pinned to CPU 1, subgraphs and load generator to CPU 0' : 'no CPU pinning'}; ` +
      `reference answer ${Buffer.byteLength(reference)} bytes`,
  );
  const subgraphs = startProcess([path.join(__dirname, 'subgraphs.js')], {
    cpus: otherCpus,
    env: { ...env, NODE_ENV: 'production', SUBGRAPH_PORT: String(SETTINGS.subgraphPort) },
  });
  const placement: Placement = {
    loadCpus: otherCpus,
    gatewayCore: SETTINGS.pin ? 1 : null,
    subgraphsUrl,
    subgraphsPgid: subgraphs.child.pid ?? 0,
  };
  try {
    await waitUntil(async () => (await fetch(`${subgraphsUrl}/stats`)).ok, 'subgraphs', subgraphs, 30_000);
    const measurements: Measurement[] = [];
    for (let round = 1; round <= SETTINGS.rounds; round += 1) {
      for (const gateway of gateways) {
        measurements.push(
          ...(await measureOne(gateway, round, { supergraphPath, reference, placement, gatewayCpus })),
        );
      }
    }
    const labels = Object.fromEntries(GATEWAYS_UNDER_TEST.map((g) => [g.id, g.short]));
    const peers = PEERS.filter((peer) => SETTINGS.gateways.includes(peer));
    console.log(
      `\nEvery run (req/s counts answers equal to the reference)\n\n${runsTable(measurements, labels)}`,
    );
    console.log(
      `\nSummary: medians over ${SETTINGS.rounds} rounds; each ratio is taken within its round, then the median\n\n` +
        summaryTable(summarise(measurements, peers), peers, labels),
    );
    console.log(
      `\nThe machine is shared: absolute req/s move 10–30 % between runs, ratios within a round much less.`,
    );
    if (measurements.some((m) => m.failures > 0)) process.exitCode = 1;
  } finally {
    await stopProcess(subgraphs);
  }
}

process.on('exit', killAllStarted);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllStarted();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  killAllStarted();
  process.exit(2);
});
