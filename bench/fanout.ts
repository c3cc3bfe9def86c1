import 'reflect-metadata';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SubscriptionMetrics } from '#gateway/subscriptions/index';
import { SUBGRAPH_NAMES } from '#platform/subgraphs';
import { RemoteProfiler } from './inspect';
import { launchBenchPlatform } from './launcher';

/**
 * `npm run bench:fanout`: live fan-out at city scale. The platform as `npm start` runs it (every
 * service its own process, rate limits and simulator off), the gateway pinned to core 0, N
 * subscribers of one cross-subgraph subscription in client processes pinned to core 1 (one
 * connection each), `BENCH_FANOUT_EVENTS` (20) fill levels reported `BENCH_FANOUT_INTERVAL_MS`
 * (500) apart through `reportFillLevel`. Latency is receipt minus the mutation's send time.
 * `BENCH_FANOUT_SUBSCRIBERS` (1,1000,5000,10000), `BENCH_FANOUT_TRANSPORTS` (ws,sse),
 * `BENCH_FANOUT_PORT` (first of eight fixed ports; free ports without it), `BENCH_FANOUT_PROFILE`
 * (a folder: the gateway's CPU profile of each point's events), `BENCH_FANOUT_PER_EVENT` (each
 * event's first, median and last delivery). Figures are printed, never asserted.
 *
 * Each point is followed by its floor (`BENCH_FANOUT_FLOOR=off` skips it): the same clients
 * subscribed to a bare stand-in on the gateway's core, which writes the same bytes per event and
 * subscriber and does nothing else, with its latency measured from the moment it is told to write.
 * `CPU × floor` is the gateway's CPU per delivery over the floor's: what the gateway adds to the
 * writes, which on loopback also run the receiving side's TCP path.
 */
const OPERATOR_KEY = 'bench-fanout-operator-key';
const CLIENTS_PER_PROCESS = 5000;
const WARM_UP_SUBSCRIBERS = 1000;
const CLOCK_TICKS_PER_SECOND = 100;

interface Row {
  transport: string;
  subscribers: number;
  delivered: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
  cpuMicrosPerDelivery: number;
  /**
   * The client processes' CPU per delivery over the same window: above the gateway's, the clients'
   * one core falls behind during a burst and part of the latency is their queue, not the gateway's.
   */
  clientCpuMicrosPerDelivery: number;
  rssKiBPerSubscriber: number;
  /** The gateway's counters (none for the floor). */
  upstreamPerEvent?: number;
  fetchesPerEvent?: number;
  mismatches: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/** User plus system CPU time of a process, in microseconds (Linux /proc). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND) * 1e6;
}

function rssKiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ask<T>(child: ChildProcess, predicate: (message: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (message: T & { error?: string }) => {
      if (message.error) reject(new Error(message.error));
      else if (predicate(message)) {
        child.off('message', listener);
        resolve(message);
      }
    };
    child.on('message', listener);
  });
}

/** What a client process answers to `collect`. */
interface ClientReport {
  /** Latencies of the n-th event, one per subscriber of this process that got it. */
  byEvent?: number[][];
  mismatches: number;
  failures: number;
  /** [eventId, subscribers that got it], by eventId. */
  perEvent: [string, number][];
  errorPayloads: number;
  firstError?: string;
}

/** Where the missing deliveries of a point went, on stderr beside the table: counters of both sides. */
function explainLoss(
  transport: string,
  subscribers: number,
  events: number,
  clients: { refused: number; joined: number },
  reports: ClientReport[],
  gateway?: { upstreamEvents: number; deliveries: number; upstreamOpened: number },
): void {
  const perEvent = new Map<string, number>();
  for (const report of reports)
    for (const [eventId, count] of report.perEvent)
      perEvent.set(eventId, (perEvent.get(eventId) ?? 0) + count);
  const errorPayloads = reports.reduce((sum, report) => sum + report.errorPayloads, 0);
  const firstError = reports.find((report) => report.firstError)?.firstError;
  console.error(
    `${transport} ${subscribers}: ${clients.refused} subscribers refused, ${clients.joined} joined; ` +
      `${perEvent.size} of ${events} events received (${[...perEvent].map(([id, count]) => `${id}×${count}`).join(' ')}); ` +
      `${errorPayloads} payloads without an event${firstError ? ` (${firstError})` : ''}` +
      (gateway
        ? `; gateway: ${gateway.upstreamEvents} upstream events, ${gateway.deliveries} deliveries, ` +
          `${gateway.upstreamOpened} upstream subscriptions opened since the first subscriber`
        : ''),
  );
}

/**
 * `BENCH_FANOUT_PER_EVENT=1`: each event's first, median and last delivery, on stderr. An event
 * late from its first delivery on was slow before the fan-out (the mutation, the subgraph, a pause
 * of the gateway); one whose deliveries spread wider was slow writing or reading them.
 */
function printPerEvent(
  transport: string,
  subscribers: number,
  events: number,
  reports: ClientReport[],
): void {
  for (let rank = 0; rank < events; rank += 1) {
    const latencies = reports.flatMap((report) => report.byEvent?.[rank] ?? []).sort((a, b) => a - b);
    console.error(
      `${transport} ${subscribers} event ${rank + 1}: first ${latencies[0]} ms, median ` +
        `${percentile(latencies, 0.5)} ms, last ${latencies.at(-1)} ms (${latencies.length} deliveries)`,
    );
  }
}

/**
 * What a point measures: the gateway, or the floor (the stand-in writing the same bytes to the same
 * clients, with nothing of the gateway around the writes).
 */
interface Target {
  url: string;
  pid: number;
  /** Subscribers it holds now. */
  subscribers(): Promise<number>;
  /** Brings about the `sequence`-th event of a point on `stationId`. */
  emit(stationId: string, sequence: number): Promise<void>;
  /** The gateway's subscription counters; the floor keeps none. */
  metrics?(): Promise<SubscriptionMetrics>;
}

class Gateway implements Target {
  constructor(
    readonly url: string,
    readonly pid: number,
  ) {}

  async metrics(): Promise<SubscriptionMetrics> {
    const response = await fetch(this.url.replace(/\/graphql$/, '/graphql/stream/metrics'));
    return (await response.json()) as SubscriptionMetrics;
  }

  async subscribers(): Promise<number> {
    return (await this.metrics()).clients;
  }

  /**
   * A fill level reported through `reportFillLevel`. A keep-alive connection the gateway closed
   * while idle (during a long connect phase) is retried once.
   */
  async emit(stationId: string, sequence: number): Promise<void> {
    const level = ((sequence % 90) + 5) / 100;
    try {
      await this.report(stationId, level, sequence);
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
      await this.report(stationId, level, sequence);
    }
  }

  private async report(stationId: string, level: number, sequence: number): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': OPERATOR_KEY },
      body: JSON.stringify({
        query: 'mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id } }',
        variables: {
          input: {
            reportId: `bench-fanout-${Date.now()}-${sequence}`,
            stationId,
            stream: 'GLASS',
            fillingLevel: level,
            observedAt: new Date().toISOString(),
          },
        },
      }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`reportFillLevel failed: ${JSON.stringify(body.errors)}`);
  }
}

/** The floor's process (`fanout-floor.ts`), pinned to the gateway's core. */
class Floor implements Target {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly pid: number,
  ) {}

  static async start(): Promise<Floor> {
    const child = fork(path.join(__dirname, 'fanout-floor.js'), [], {
      execPath: 'taskset',
      execArgv: ['-c', '0', process.execPath],
    });
    const { url } = await ask<{ url?: string }>(child, (message) => typeof message.url === 'string');
    if (!url || child.pid === undefined) throw new Error('the floor did not start');
    return new Floor(child, url, child.pid);
  }

  async subscribers(): Promise<number> {
    const answer = ask<{ subscribers?: number }>(
      this.child,
      (message) => typeof message.subscribers === 'number',
    );
    this.child.send({ count: true });
    return (await answer).subscribers ?? 0;
  }

  /** Event ids count up from 1 in each point, as the clients order them. */
  async emit(_stationId: string, sequence: number): Promise<void> {
    const emit = String(sequence + 1);
    const answer = ask<{ emitted?: string }>(this.child, (message) => message.emitted === emit);
    this.child.send({ emit });
    await answer;
  }

  stop(): void {
    this.child.kill();
  }
}

async function measure(
  target: Target,
  transport: string,
  subscribers: number,
  stationId: string,
  events: number,
  intervalMs: number,
): Promise<Row> {
  const rssBefore = rssKiB(target.pid);
  const clientsBefore = await target.subscribers();
  const openedBefore = (await target.metrics?.())?.upstreamSubscriptionsOpened ?? 0;
  const children: ChildProcess[] = [];
  for (let start = 0; start < subscribers; start += CLIENTS_PER_PROCESS) {
    const child = fork(
      path.join(__dirname, 'fanout-clients.js'),
      [transport, target.url, String(Math.min(CLIENTS_PER_PROCESS, subscribers - start)), stationId],
      { execPath: 'taskset', execArgv: ['-c', '1', process.execPath] },
    );
    children.push(child);
  }
  const readiness = await Promise.all(
    children.map((child) =>
      ask<{ ready?: boolean; open: number; failures: number }>(child, (message) => message.ready === true),
    ),
  );
  const refused = readiness.reduce((sum, ready) => sum + ready.failures, 0);
  const connected = Date.now();
  while ((await target.subscribers()) - clientsBefore < subscribers && Date.now() - connected < 30_000)
    await sleep(100);
  const joined = (await target.subscribers()) - clientsBefore;
  await sleep(1000); // idle: what the subscribers cost before any event
  const rssPerSubscriber = (rssKiB(target.pid) - rssBefore) / subscribers;
  const profileDir = target.metrics ? process.env.BENCH_FANOUT_PROFILE : undefined;
  // The gateway inherits NODE_OPTIONS, so `--inspect-port` there moves its inspector off 9229 as it moves this process's.
  const profiler = profileDir ? await RemoteProfiler.attach(target.pid, process.debugPort) : undefined;
  await profiler?.start();
  const atStart = await target.metrics?.();
  const cpuStart = cpuMicros(target.pid);
  const clientPids = children.map((child) => child.pid).filter((pid) => pid !== undefined);
  const clientCpu = () => clientPids.reduce((sum, pid) => sum + cpuMicros(pid), 0);
  const clientCpuStart = clientCpu();
  const sentAt: number[] = [];
  for (let sequence = 0; sequence < events; sequence += 1) {
    const began = Date.now();
    sentAt.push(began);
    await target.emit(stationId, sequence);
    await sleep(Math.max(0, began + intervalMs - Date.now()));
  }
  const expected = subscribers * events;
  const waitedFrom = Date.now();
  for (;;) {
    const counts = await Promise.all(
      children.map((child) => {
        const answer = ask<{ delivered?: number }>(child, (message) => typeof message.delivered === 'number');
        child.send({ status: true });
        return answer;
      }),
    );
    if (counts.reduce((sum, count) => sum + (count.delivered ?? 0), 0) >= expected) break;
    if (Date.now() - waitedFrom > 30_000) break;
    await sleep(100);
  }
  const cpu = cpuMicros(target.pid) - cpuStart;
  const clientCpuUsed = clientCpu() - clientCpuStart;
  const atEnd = await target.metrics?.();
  if (profiler && profileDir)
    writeFileSync(
      path.join(profileDir, `gateway-${transport}-${subscribers}.cpuprofile`),
      JSON.stringify(await profiler.stop()),
    );
  const reports = await Promise.all(
    children.map((child) => {
      const answer = ask<ClientReport>(child, (message) => Array.isArray(message.byEvent));
      child.send({ collect: sentAt });
      return answer;
    }),
  );
  const latencies = reports.flatMap((report) => report.byEvent?.flat() ?? []).sort((a, b) => a - b);
  const label = atStart ? transport : `${transport} floor`;
  if (process.env.BENCH_FANOUT_PER_EVENT) printPerEvent(label, subscribers, events, reports);
  if (latencies.length < expected)
    explainLoss(
      label,
      subscribers,
      events,
      { refused, joined },
      reports,
      atStart &&
        atEnd && {
          upstreamEvents: atEnd.upstreamEvents - atStart.upstreamEvents,
          deliveries: atEnd.deliveries - atStart.deliveries,
          upstreamOpened: atEnd.upstreamSubscriptionsOpened - openedBefore,
        },
    );
  const started = Date.now();
  while ((await target.subscribers()) > clientsBefore && Date.now() - started < 30_000) await sleep(100);
  return {
    transport: label,
    subscribers,
    delivered: latencies.length,
    expected,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? NaN,
    cpuMicrosPerDelivery: cpu / Math.max(1, latencies.length),
    clientCpuMicrosPerDelivery: clientCpuUsed / Math.max(1, latencies.length),
    rssKiBPerSubscriber: rssPerSubscriber,
    upstreamPerEvent: atStart?.upstreamSubscriptions,
    fetchesPerEvent: atStart && atEnd && (atEnd.entityFetches - atStart.entityFetches) / events,
    mismatches: reports.reduce((sum, report) => sum + report.mismatches, 0),
  };
}

function fixedPorts(): NodeJS.ProcessEnv {
  const base = Number(process.env.BENCH_FANOUT_PORT);
  if (!base) return {};
  return {
    PORT: String(base),
    ...Object.fromEntries(
      SUBGRAPH_NAMES.map((name, index) => [`SUBGRAPH_${name.toUpperCase()}_PORT`, String(base + 1 + index)]),
    ),
  };
}

/** One line of the table; `timesFloor` is the gateway's CPU per delivery over its floor's. */
function printRow(row: Row, timesFloor?: number): void {
  const cells = [
    row.transport,
    row.subscribers.toLocaleString('en'),
    `${row.delivered}/${row.expected}`,
    row.p50.toFixed(0),
    row.p99.toFixed(0),
    row.max.toFixed(0),
    row.cpuMicrosPerDelivery.toFixed(1),
    timesFloor === undefined ? '–' : timesFloor.toFixed(2),
    row.clientCpuMicrosPerDelivery.toFixed(1),
    row.rssKiBPerSubscriber.toFixed(1),
    row.upstreamPerEvent === undefined ? '–' : String(row.upstreamPerEvent),
    row.fetchesPerEvent === undefined ? '–' : row.fetchesPerEvent.toFixed(2),
    String(row.mismatches),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

async function main(): Promise<void> {
  const counts = (process.env.BENCH_FANOUT_SUBSCRIBERS ?? '1,1000,5000,10000').split(',').map(Number);
  const transports = (process.env.BENCH_FANOUT_TRANSPORTS ?? 'ws,sse').split(',');
  const events = Number(process.env.BENCH_FANOUT_EVENTS ?? 20);
  const intervalMs = Number(process.env.BENCH_FANOUT_INTERVAL_MS ?? 500);
  const platform = await launchBenchPlatform({
    ...fixedPorts(),
    OPERATOR_API_KEY: OPERATOR_KEY,
    SUBSCRIPTION_METRICS: 'on',
    // One gateway process, the one pinned and measured: under the launcher GATEWAY_WORKERS defaults
    // to the core count, and then pidOf('gateway') is the idle cluster primary and the metrics
    // endpoint answers for whichever worker takes the request.
    GATEWAY_WORKERS: '1',
  });
  let floor: Floor | undefined;
  try {
    const pid = platform.pidOf('gateway');
    if (!pid) throw new Error('the gateway process was not found');
    execFileSync('taskset', ['-a', '-cp', '0', String(pid)], { stdio: 'ignore' });
    const gateway = new Gateway(platform.gatewayUrl, pid);
    floor = process.env.BENCH_FANOUT_FLOOR === 'off' ? undefined : await Floor.start();
    // Warm-up of plans, pools and each transport's delivery path: a few thousand deliveries, so
    // that the per-subscriber code runs optimised. With 30 deliveries it was not, and a point's
    // first event took two to three times as long as the others.
    for (const transport of transports)
      for (const target of floor ? [gateway, floor] : [gateway])
        await measure(target, transport, WARM_UP_SUBSCRIBERS, 'TRILIB-16-0009', 5, 200);
    const header = [
      'transport',
      'subscribers',
      'delivered',
      'p50 ms',
      'p99 ms',
      'max ms',
      'CPU µs/delivery',
      'CPU × floor',
      'client CPU µs/delivery',
      'RSS KiB/subscriber',
      'upstream subs',
      'entity fetches/event',
      'payload mismatches',
    ];
    console.log(
      `\nLive fan-out — ${events} fill levels ${intervalMs} ms apart, gateway on core 0, clients on core 1, launched platform` +
        (floor ? "; each point's floor (the same writes from a bare stand-in on core 0) below it" : '') +
        '\n',
    );
    console.log(`| ${header.join(' | ')} |`);
    console.log(`| ${header.map(() => '---:').join(' | ')} |`);
    let run = 0;
    for (const transport of transports)
      for (const subscribers of counts) {
        const station = `TRILIB-16-000${(run % 8) + 1}`;
        run += 1;
        const row = await measure(gateway, transport, subscribers, station, events, intervalMs);
        const bare = floor && (await measure(floor, transport, subscribers, station, events, intervalMs));
        // Below one clock tick (10 ms) over the point the floor's CPU reads 0: no ratio then.
        printRow(
          row,
          bare && bare.cpuMicrosPerDelivery > 0
            ? row.cpuMicrosPerDelivery / bare.cpuMicrosPerDelivery
            : undefined,
        );
        if (bare) printRow(bare);
      }
  } finally {
    floor?.stop();
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
