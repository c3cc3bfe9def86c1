import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  eventually,
  gatewayClient,
  metricsOf,
  OPERATOR_KEY,
  Recorder,
  reportFillLevel,
  STATION_UPDATES,
  wsClient,
  type StationEvent,
} from '#test/live-clients';
import { startSplitWaste, type SplitWaste } from './replicas';
import { endpointOf, TcpProxy } from '#test/tcp-proxy';
import { restoreEnvAfterEach } from '#test/env';

type Updates = { wasteStationUpdated: StationEvent };

restoreEnvAfterEach();
let running: SplitWaste | undefined;
let proxy: TcpProxy | undefined;

afterEach(async () => {
  await running?.stop();
  await proxy?.close();
  running = undefined;
  proxy = undefined;
});

const BROKERS = {
  postgres: { variable: 'DATABASE_URL', defaultUrl: '', defaultPort: 5432 },
  redis: { variable: 'REDIS_URL', defaultUrl: 'redis://127.0.0.1:6379', defaultPort: 6379 },
  nats: { variable: 'NATS_URL', defaultUrl: 'nats://127.0.0.1:4222', defaultPort: 4222 },
} as const;

/**
 * Events reported before, during and after a broker outage reach a subscriber whose replica hears
 * of them only through the broker (polling is out of reach), exactly once and in order: the log
 * keeps what the broker could not carry, and the readers re-read it once the broker is back.
 */
async function survivesOutage(kind: keyof typeof BROKERS, stationId: string): Promise<void> {
  const databaseUrl = inject('databaseUrl');
  const broker = BROKERS[kind];
  const brokerUrl = kind === 'postgres' ? databaseUrl : (process.env[broker.variable] ?? broker.defaultUrl);
  proxy = await TcpProxy.start(endpointOf(brokerUrl, broker.defaultPort));
  process.env.EVENT_BROKER = kind;
  process.env.EVENT_POLL_MS = '600000';
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  // LISTEN/NOTIFY rides on the database connection: the reader reaches PostgreSQL through the proxy.
  if (kind !== 'postgres') process.env[broker.variable] = proxy.through(brokerUrl);
  running = await startSplitWaste(
    databaseUrl,
    kind === 'postgres' ? proxy.through(databaseUrl) : databaseUrl,
  );
  const { subscriberGateway, writerGateway } = running;
  const recorder = new Recorder<Updates>(wsClient(subscriberGateway), STATION_UPDATES, { stationId });
  await eventually(() => metricsOf(subscriberGateway).upstreamSubscriptions === 1);
  await new Promise((resolve) => setTimeout(resolve, 300));

  const writer = gatewayClient(writerGateway);
  const levels = Array.from({ length: 15 }, (_, index) => (index + 1) / 20);
  for (const level of levels.slice(0, 5)) await reportFillLevel(writer, stationId, level);
  await recorder.waitFor(5);

  proxy.cut();
  for (const level of levels.slice(5, 10)) await reportFillLevel(writer, stationId, level);
  // Long enough for every client to notice the loss and retry at least once.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(recorder.results).toHaveLength(5);
  proxy.restore();
  // Nothing new is written: the events of the outage must come from the reconnect's re-read.
  await recorder.waitFor(10, 15_000);
  expect(recorder.results).toHaveLength(10);

  for (const level of levels.slice(10)) await reportFillLevel(writer, stationId, level);
  await recorder.waitFor(15, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const events = recorder.data.map((data) => data.wasteStationUpdated);
  expect(events.map((event) => event.fillingLevel)).toEqual(levels);
  const ids = events.map((event) => BigInt(event.eventId));
  expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(new Set(ids).size).toBe(15);
  expect(recorder.ended).toBe(false);
  recorder.close();
}

describe('the event broker going down', () => {
  it.each([
    ['PostgreSQL LISTEN/NOTIFY', 'postgres', 'TRILIB-18-0001'],
    ['Redis', 'redis', 'TRILIB-18-0002'],
    ['NATS', 'nats', 'TRILIB-18-0003'],
  ] as const)('loses nothing with %s: delivery resumes from the log', async (_name, kind, stationId) => {
    await survivesOutage(kind, stationId);
  });
});
