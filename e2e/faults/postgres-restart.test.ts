import { Client } from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
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

type Updates = { wasteStationUpdated: StationEvent };
const STATION = 'TRILIB-18-0004';
const STATION_QUERY = `{ wasteStation(id: "${STATION}") { id fillingLevel } }`;

const savedEnv = { ...process.env };
let running: SplitWaste | undefined;
let proxy: TcpProxy | undefined;

afterAll(async () => {
  await running?.stop();
  await proxy?.close();
  process.env = { ...savedEnv };
});

/**
 * The CI server is shared with the other test files, so PostgreSQL is "restarted" for one waste
 * service only: every connection it has is cut at the proxy and its backends are terminated on the
 * server, as a restart does, and new connections are refused for a few seconds.
 */
async function restartPostgresFor(service: TcpProxy, databaseUrl: string): Promise<void> {
  const ports = service.upstreamPorts;
  service.cut();
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = ANY($1::int[]) AND datname = current_database()',
      [ports],
    );
  } finally {
    await admin.end();
  }
}

describe('PostgreSQL restarting under a running service', () => {
  it('fails requests clearly during the outage, then the same process answers and its subscriptions resume with nothing lost', async () => {
    const databaseUrl = inject('databaseUrl');
    proxy = await TcpProxy.start(endpointOf(databaseUrl, 5432));
    process.env.OPERATOR_API_KEY = OPERATOR_KEY;
    // The reader polls the log every second, so it does try to read while the database is away.
    process.env.EVENT_POLL_MS = '1000';
    // Requests during the outage must reach the database: a cached public answer would hide it.
    process.env.RESPONSE_CACHE_ENTRIES = '0';
    running = await startSplitWaste(databaseUrl, proxy.through(databaseUrl));
    const { subscriberGateway, writerGateway, reader } = running;
    const service = gatewayClient(subscriberGateway);
    const writer = gatewayClient(writerGateway);

    const recorder = new Recorder<Updates>(wsClient(subscriberGateway), STATION_UPDATES, {
      stationId: STATION,
    });
    await eventually(() => metricsOf(subscriberGateway).upstreamSubscriptions === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const levels = Array.from({ length: 9 }, (_, index) => (index + 1) / 10);
    for (const level of levels.slice(0, 3)) await reportFillLevel(writer, STATION, level);
    await recorder.waitFor(3);
    expect((await service.query(STATION_QUERY)).errors).toBeUndefined();

    await restartPostgresFor(proxy, databaseUrl);
    const during = await service.query<{ wasteStation: unknown }>(STATION_QUERY);
    expect(during.status).toBe(200);
    expect(during.data?.wasteStation ?? null).toBeNull();
    expect(during.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.errors?.[0]?.message).toMatch(/database is unavailable/);
    // The other replica still reaches PostgreSQL: these events wait in the log for the reader.
    for (const level of levels.slice(3, 6)) await reportFillLevel(writer, STATION, level);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(recorder.results).toHaveLength(3);
    expect(recorder.ended).toBe(false);
    proxy.restore();

    await eventually(() => recorder.results.length >= 6, 15_000);
    const after = await service.query<{ wasteStation: { id: string; fillingLevel: number } }>(STATION_QUERY);
    expect(after.errors).toBeUndefined();
    expect(after.data?.wasteStation.id).toBe(STATION);
    // The same process answered: no restart happened, its pool reconnected through the proxy.
    expect(proxy.upstreamPorts.length).toBeGreaterThan(0);
    expect(reader.httpServer.listening).toBe(true);

    for (const level of levels.slice(6)) await reportFillLevel(writer, STATION, level);
    await recorder.waitFor(9);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = recorder.data.map((data) => data.wasteStationUpdated);
    expect(events.map((event) => event.fillingLevel)).toEqual(levels);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(9);
    recorder.close();
  });
});
