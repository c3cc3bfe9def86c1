import path from 'node:path';
import type { LoadFigures, LoadSettings } from './load-generator';
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
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function subgraphFetches(subgraphsUrl: string): Promise<SubgraphFetches> {
  return (await (await fetch(`${subgraphsUrl}/stats`)).json()) as SubgraphFetches;
}

/** Runs the load generator in its own (pinned) process and returns its figures. */
export async function runLoad(settings: LoadSettings, placement: Placement): Promise<LoadFigures> {
  const generator = startProcess([path.join(__dirname, 'load-generator.js'), JSON.stringify(settings)], {
    cpus: placement.loadCpus,
    env: process.env,
  });
  const figures = new Promise<LoadFigures>((resolve) => generator.child.once('message', resolve));
  const code = await generator.exited;
  if (code !== 0)
    throw new Error(`load generator failed (exit ${code}):\n${generator.output().slice(-3000)}`);
  return figures;
}

/**
 * After a warm-up the gateway may still be working through accepted requests: wait until its
 * group uses under 10 % of a core over 250 ms (at most 10 s), so the measured run starts clean.
 */
async function waitIdle(pgid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let before = groupUsage(pgid).cpuSeconds;
  while (Date.now() < deadline) {
    await sleep(250);
    const now = groupUsage(pgid).cpuSeconds;
    if (now - before < 0.025) return;
    before = now;
  }
}

/** Warm-up, then one measured load on a running gateway, with its CPU, memory and subgraph fetches. */
export async function measureGateway(
  gateway: BenchProcess,
  identity: { round: number; gateway: string; mode: LoadMode },
  load: { url: string; connections: number; warmupSeconds: number; seconds: number; timeoutSeconds: number },
  placement: Placement,
): Promise<Measurement & { firstFailure: string | null }> {
  const pgid = gateway.child.pid ?? 0;
  const settings = {
    url: load.url,
    connections: load.connections,
    unique: identity.mode === 'unique',
    timeoutSeconds: load.timeoutSeconds,
  };
  if (load.warmupSeconds > 0) await runLoad({ ...settings, seconds: load.warmupSeconds }, placement);
  await waitIdle(pgid);

  const fetches0 = await subgraphFetches(placement.subgraphsUrl);
  const usage0 = groupUsage(pgid);
  const core0 = placement.gatewayCore === null ? Number.NaN : coreBusySeconds(placement.gatewayCore);
  const figures = await runLoad({ ...settings, seconds: load.seconds }, placement);
  const usage1 = groupUsage(pgid);
  const core1 = placement.gatewayCore === null ? Number.NaN : coreBusySeconds(placement.gatewayCore);
  const fetches1 = await subgraphFetches(placement.subgraphsUrl);

  const { ok, ...refused } = figures.verdicts;
  const answered = Object.values(figures.verdicts).reduce((total, count) => total + count, 0);
  const gatewayCpuSeconds = usage1.cpuSeconds - usage0.cpuSeconds;
  return {
    ...identity,
    requestsPerSecond: ok / figures.seconds,
    p50Ms: figures.p50Ms,
    p99Ms: figures.p99Ms,
    answers: ok,
    failures: Object.values(refused).reduce((total, count) => total + count, 0) + figures.socketErrors,
    fetchesPerRequest: answered > 0 ? (fetches1.total - fetches0.total) / answered : Number.NaN,
    // over the load's own duration: the generator's start-up, before it, leaves the gateway idle
    gatewayCpuPercent: (gatewayCpuSeconds / figures.seconds) * 100,
    gatewayRssMb: usage1.rssMb,
    otherLoadPercent: ((core1 - core0 - gatewayCpuSeconds) / figures.seconds) * 100,
    firstFailure: figures.firstFailure,
  };
}
