import path from 'node:path';
import type { LoadFigures, LoadMessage, LoadSettings } from './load-generator';
import { coreBusySeconds, groupUsage, startProcess, type BenchProcess } from './processes';
import type { LoadMode, Measurement } from './report';
import type { SubgraphFetches } from './subgraphs';

/** Where the processes of one measurement run. */
export interface Placement {
  /** CPUs for the load generator (taskset list; null: not pinned). */
  loadCpus: string | null;
  /** The gateway's core, whose other load is reported; null when not pinned. */
  gatewayCore: number | null;
  subgraphsUrl: string;
  /** The subgraphs' process group, waited for with the gateway's. */
  subgraphsPgid: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function subgraphFetches(subgraphsUrl: string): Promise<SubgraphFetches> {
  return (await (await fetch(`${subgraphsUrl}/stats`)).json()) as SubgraphFetches;
}

/**
 * Runs the load generator in its own (pinned) process and returns its figures; `onStarted` runs
 * when the load starts, after the generator's own start-up.
 */
export async function runLoad(
  settings: LoadSettings,
  placement: Placement,
  onStarted: () => void = () => {},
): Promise<LoadFigures> {
  const generator = startProcess([path.join(__dirname, 'load-generator.js'), JSON.stringify(settings)], {
    cpus: placement.loadCpus,
    env: process.env,
  });
  const figures = new Promise<LoadFigures>((resolve) =>
    generator.child.on('message', (message: LoadMessage) =>
      'started' in message ? onStarted() : resolve(message.figures),
    ),
  );
  const code = await generator.exited;
  if (code !== 0)
    throw new Error(`load generator failed (exit ${code}):\n${generator.output().slice(-3000)}`);
  return figures;
}

/**
 * After a load the gateway may still be working through the requests it accepted, and the
 * subgraphs with it: wait until none of their processes has run or waited for a core for 500 ms
 * (at most 30 s). CPU use alone would not do on a shared machine, where a starved gateway also
 * shows none.
 */
async function waitIdle(pgids: number[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  const cpu = () => pgids.reduce((total, pgid) => total + groupUsage(pgid).cpuSeconds, 0);
  let before = cpu();
  let quiet = 0;
  while (Date.now() < deadline && quiet < 5) {
    await sleep(100);
    const now = cpu();
    quiet = now - before < 0.005 && !pgids.some((pgid) => groupUsage(pgid).runnable) ? quiet + 1 : 0;
    before = now;
  }
}

/** Warm-up, then one measured load on a running gateway, with its CPU, memory and subgraph fetches. */
export async function measureGateway(
  gateway: BenchProcess,
  identity: { round: number; gateway: string; mode: LoadMode },
  load: { url: string; connections: number; warmupSeconds: number; seconds: number; timeoutSeconds: number },
  placement: Placement,
): Promise<Omit<Measurement, 'fetchesAlone'> & { firstFailure: string | null; socketErrors: number }> {
  const pgid = gateway.child.pid ?? 0;
  const settings = {
    url: load.url,
    connections: load.connections,
    unique: identity.mode === 'unique',
    timeoutSeconds: load.timeoutSeconds,
  };
  if (load.warmupSeconds > 0) await runLoad({ ...settings, seconds: load.warmupSeconds }, placement);
  await waitIdle([pgid, placement.subgraphsPgid]);

  const fetches0 = await subgraphFetches(placement.subgraphsUrl);
  const coreBusy = () =>
    placement.gatewayCore === null ? Number.NaN : coreBusySeconds(placement.gatewayCore);
  let start = { usage: groupUsage(pgid), core: coreBusy(), at: performance.now() };
  const figures = await runLoad({ ...settings, seconds: load.seconds }, placement, () => {
    start = { usage: groupUsage(pgid), core: coreBusy(), at: performance.now() };
  });
  const end = { usage: groupUsage(pgid), core: coreBusy(), at: performance.now() };
  const wallSeconds = (end.at - start.at) / 1000;
  // the gateway finishes the requests still in flight when the load stopped: count their fetches too
  await waitIdle([pgid, placement.subgraphsPgid]);
  const fetches1 = await subgraphFetches(placement.subgraphsUrl);

  const { ok, ...refused } = figures.verdicts;
  const gatewayCpuSeconds = end.usage.cpuSeconds - start.usage.cpuSeconds;
  return {
    ...identity,
    requestsPerSecond: ok / figures.seconds,
    p50Ms: figures.p50Ms,
    p99Ms: figures.p99Ms,
    answers: ok,
    failures: Object.values(refused).reduce((total, count) => total + count, 0) + figures.socketErrors,
    fetchesPerRequest: figures.sent > 0 ? (fetches1.total - fetches0.total) / figures.sent : Number.NaN,
    gatewayCpuPercent: (gatewayCpuSeconds / wallSeconds) * 100,
    gatewayRssMb: end.usage.rssMb,
    otherLoadPercent: ((end.core - start.core - gatewayCpuSeconds) / wallSeconds) * 100,
    firstFailure: figures.firstFailure,
    socketErrors: figures.socketErrors,
  };
}
