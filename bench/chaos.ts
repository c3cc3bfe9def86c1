import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { endpointOf, TcpProxy } from '#test/tcp-proxy';
import type { LaunchedPlatform } from '#test/launcher';
import {
  benchDatabaseUrl,
  FailureTally,
  launchBenchPlatform,
  MIXED_QUERIES,
  sendOperation,
} from './launcher';

const STATION = 'TRILIB-19-0001';
const PHASE_MS = Number(process.env.CHAOS_PHASE_SECONDS ?? 10) * 1000;
const OUTAGE_MS = Number(process.env.CHAOS_OUTAGE_SECONDS ?? 5) * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A dashboard's subscriber: on any end of its stream it reconnects with the last eventId it
 * received, as the README tells clients to. Records every fill level it is sent.
 */
class ResumingSubscriber {
  readonly received: number[] = [];
  reconnects = 0;
  private lastEventId?: string;
  private client?: Client;
  private stopped = false;

  constructor(private readonly gatewayUrl: string) {}

  /** One graphql-ws connection per subscription: a resumed one asks for what came after its last event. */
  start(): void {
    if (this.stopped) return;
    const client = createClient({
      url: this.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    this.client = client;
    const resume = () => {
      void client.dispose();
      if (this.stopped) return;
      this.reconnects += 1;
      setTimeout(() => this.start(), 500);
    };
    client.subscribe<{ wasteStationUpdated: { eventId: string; fillingLevel: number } }>(
      {
        query: `subscription ($stationId: ID, $after: ID) {
          wasteStationUpdated(stationId: $stationId, after: $after) { eventId fillingLevel } }`,
        variables: { stationId: STATION, after: this.lastEventId ?? null },
      },
      {
        next: (result) => {
          const event = result.data?.wasteStationUpdated;
          if (!event) return;
          this.lastEventId = event.eventId;
          this.received.push(event.fillingLevel);
        },
        error: resume,
        complete: resume,
      },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.dispose();
  }
}

/**
 * `node dist/bench/chaos.js`: the platform as `npm start` runs it, PostgreSQL and the broker
 * (Redis by default, `CHAOS_BROKER`) reached through TCP proxies this script cuts, a steady load of
 * mixed queries, a sensor reporting fill levels and a resuming subscriber. It kills a subgraph
 * (the launcher restarts it), "restarts" PostgreSQL (every connection cut and terminated, new ones
 * refused for CHAOS_OUTAGE_SECONDS) and stops the broker, then prints requests failed and events
 * lost (target 0 lost: every fill level the sensor got an answer for reaches the subscriber once).
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('chaos needs DATABASE_URL (its PostgreSQL is reached through a proxy)');
  const broker = process.env.CHAOS_BROKER ?? 'redis';
  const benchUrl = new URL(benchDatabaseUrl(databaseUrl));
  const postgresProxy = await TcpProxy.start(endpointOf(benchUrl.toString(), 5432));
  const brokerUrl =
    broker === 'nats'
      ? (process.env.NATS_URL ?? 'nats://127.0.0.1:4222')
      : (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const brokerProxy =
    broker === 'postgres'
      ? undefined
      : await TcpProxy.start(endpointOf(brokerUrl, broker === 'nats' ? 4222 : 6379));
  const operatorKey = randomBytes(16).toString('hex');
  const platform: LaunchedPlatform = await launchBenchPlatform({
    DATABASE_URL: postgresProxy.through(benchUrl.toString()),
    EVENT_BROKER: broker,
    ...(brokerProxy
      ? { [broker === 'nats' ? 'NATS_URL' : 'REDIS_URL']: brokerProxy.through(brokerUrl) }
      : {}),
    OPERATOR_API_KEY: operatorKey,
  });
  const { gatewayUrl } = platform;
  const counts = { sent: 0, failed: 0, writes: 0, writesFailed: 0 };
  const failures = new FailureTally();
  const acknowledged: number[] = [];
  let running = true;
  const subscriber = new ResumingSubscriber(gatewayUrl);
  subscriber.start();
  // Subscribed before the first report: the subscriber starts live, at the newest event.
  await sleep(2_000);

  const load = (async () => {
    for (let index = 0; running; index += 1) {
      counts.sent += 1;
      const outcome = await sendOperation(gatewayUrl, MIXED_QUERIES[index % MIXED_QUERIES.length]);
      failures.record(outcome);
      if (!outcome.ok) counts.failed += 1;
      await sleep(50);
    }
  })();
  const sensor = (async () => {
    for (let index = 1; running; index += 1) {
      // Each report carries a distinct level, so the subscriber's copy can be matched to it.
      const fillingLevel = index / 100_000;
      counts.writes += 1;
      const { ok } = await sendOperation(
        gatewayUrl,
        'mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id } }',
        {
          input: {
            reportId: `chaos-${process.pid}-${index}`,
            stationId: STATION,
            stream: 'GLASS',
            fillingLevel,
            observedAt: new Date().toISOString(),
          },
        },
        { 'x-api-key': operatorKey },
      );
      if (ok) acknowledged.push(fillingLevel);
      else counts.writesFailed += 1;
      await sleep(200);
    }
  })();

  const phase = async (name: string, fault: () => Promise<void>) => {
    const before = { ...counts };
    await fault();
    await sleep(PHASE_MS);
    console.log(
      `  ${name}: ${counts.sent - before.sent} requests, ${counts.failed - before.failed} failed; ` +
        `${counts.writes - before.writes} reports, ${counts.writesFailed - before.writesFailed} refused`,
    );
  };

  console.log(`\nChaos — services in their own processes, broker ${broker}, phases of ${PHASE_MS / 1000} s`);
  try {
    await phase('steady', async () => undefined);
    await phase('kill -9 budget (the launcher restarts it)', async () => {
      const pid = platform.pidOf('budget');
      if (pid) process.kill(pid, 'SIGKILL');
    });
    await phase(`PostgreSQL restart (${OUTAGE_MS / 1000} s down)`, async () => {
      const ports = postgresProxy.upstreamPorts;
      postgresProxy.cut();
      const admin = new PgClient({ connectionString: benchUrl.toString() });
      await admin.connect();
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = ANY($1::int[])',
        [ports],
      );
      await admin.end();
      await sleep(OUTAGE_MS);
      postgresProxy.restore();
    });
    if (brokerProxy) {
      await phase(`${broker} stopped (${OUTAGE_MS / 1000} s)`, async () => {
        brokerProxy.cut();
        await sleep(OUTAGE_MS);
        brokerProxy.restore();
      });
    }
    await phase('steady again', async () => undefined);
  } finally {
    running = false;
    await Promise.all([load, sensor]);
    // Let the last reports reach the subscriber before counting.
    await sleep(5_000);
    await subscriber.stop();
    const received = new Map<number, number>();
    for (const level of subscriber.received) received.set(level, (received.get(level) ?? 0) + 1);
    const lost = acknowledged.filter((level) => !received.has(level)).length;
    const duplicated = [...received.values()].filter((count) => count > 1).length;
    const ordered = subscriber.received.every((level, index, all) => index === 0 || all[index - 1] < level);
    console.log(`  requests:  ${counts.sent} sent, ${failures}`);
    console.log(
      `  reports:   ${counts.writes} sent, ${acknowledged.length} acknowledged, ${counts.writesFailed} refused`,
    );
    console.log(
      `  events:    ${subscriber.received.length} received, ${lost} lost (target 0), ${duplicated} duplicated, ` +
        `${ordered ? 'in order' : 'OUT OF ORDER'}, subscriber resumed ${subscriber.reconnects} times`,
    );
    console.log(`  platform stopped (launcher exit code ${await platform.stop()})`);
    await postgresProxy.close();
    await brokerProxy?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
