import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBroker } from '#platform/events/broker';
import { pruneEvents } from '#platform/events/log';
import { startSubgraph } from '#platform/server';
import { waste } from '#app/registry';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import {
  eventually,
  metricsOf,
  OPERATOR_KEY,
  Recorder,
  reportFillLevel,
  reportUntil,
  STATION_UPDATES,
  wsClient,
  type StationEvent,
} from '#test/live-clients';

type Updates = { wasteStationUpdated: StationEvent };

let platform: TestPlatform;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'waste']);
});

afterAll(async () => {
  await platform?.stop();
});

describe('wasteStationUpdated through the gateway', () => {
  it('delivers every event with fields resolved by another subgraph', async () => {
    const client = wsClient(platform.gateway);
    const recorder = new Recorder<Updates>(client, STATION_UPDATES, { stationId: 'TRILIB-12-0001' });
    await eventually(() => metricsOf(platform.gateway).upstreamSubscriptions > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const level of [0.1, 0.2, 0.3]) await reportFillLevel(platform, 'TRILIB-12-0001', level);
    await recorder.waitFor(3);
    expect(recorder.results.every((result) => result.errors === undefined)).toBe(true);
    const events = recorder.data.map((data) => data.wasteStationUpdated);
    expect(events.map((event) => event.fillingLevel)).toEqual([0.1, 0.2, 0.3]);
    for (const event of events) {
      expect(event.station).toEqual({
        id: 'TRILIB-12-0001',
        arrondissement: { code: 12, name: expect.stringContaining('12'), population: expect.any(Number) },
      });
      expect(event).not.toHaveProperty('_ocgEventId');
    }
    const ids = events.map((event) => BigInt(event.eventId));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    recorder.close();
    await client.dispose();
  });
});

describe('wasteStationAlert', () => {
  it('fires only when a level rises to the threshold or past it', async () => {
    const station = 'TRILIB-12-0007';
    const recorder = new Recorder<{
      wasteStationAlert: {
        eventId: string;
        fillingLevel: number;
        threshold: number;
        station: { id: string; arrondissement: { name: string } };
      };
    }>(
      wsClient(platform.gateway),
      'subscription ($stationId: ID) { wasteStationAlert(stationId: $stationId, threshold: 0.8) { eventId fillingLevel threshold station { id arrondissement { name } } } }',
      { stationId: station },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const level of [0.5, 0.85, 0.9, 0.2, 0.8]) await reportFillLevel(platform, station, level);
    await recorder.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorder.results.every((result) => result.errors === undefined)).toBe(true);
    expect(recorder.data.map((data) => data.wasteStationAlert.fillingLevel)).toEqual([0.85, 0.8]);
    expect(recorder.data[0].wasteStationAlert).toMatchObject({
      threshold: 0.8,
      station: { id: station, arrondissement: { name: expect.stringContaining('12') } },
    });
    recorder.close();
  });
});

describe('fan-out', () => {
  it('serves 100 identical clients from one upstream subscription and resolves each event once', async () => {
    const metrics = metricsOf(platform.gateway);
    // Streams of earlier tests close asynchronously once their clients leave.
    await eventually(() => metrics.clients === 0 && metrics.upstreamSubscriptions === 0);
    const baseline = { ...metrics };
    const clients = Array.from({ length: 100 }, () => wsClient(platform.gateway));
    const recorders = clients.map(
      (client) => new Recorder<Updates>(client, STATION_UPDATES, { stationId: 'TRILIB-12-0002' }),
    );
    await eventually(() => metrics.clients === baseline.clients + 100, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(metrics.upstreamSubscriptions).toBe(baseline.upstreamSubscriptions + 1);
    const before = { ...metrics };
    for (const level of [0.4, 0.5, 0.6]) await reportFillLevel(platform, 'TRILIB-12-0002', level);
    await Promise.all(recorders.map((recorder) => recorder.waitFor(3)));
    for (const recorder of recorders) {
      expect(recorder.data.map((data) => data.wasteStationUpdated.fillingLevel)).toEqual([0.4, 0.5, 0.6]);
      expect(recorder.data[0].wasteStationUpdated.station.arrondissement.code).toBe(12);
    }
    expect(metrics.upstreamEvents - before.upstreamEvents).toBe(3);
    // At most one territory fetch per event for `arrondissement { name population }`, never one
    // per client (none while the answer is kept: see below).
    expect(metrics.entityFetches - before.entityFetches).toBeLessThanOrEqual(3);
    expect(metrics.deliveries - before.deliveries).toBe(300);
    for (const recorder of recorders) recorder.close();
    await eventually(
      () =>
        metrics.upstreamSubscriptions === baseline.upstreamSubscriptions &&
        metrics.clients === baseline.clients,
    );
    await Promise.all(clients.map((client) => client.dispose()));
  });
});

describe('the arrondissement of a live event', () => {
  /** Reports until the stream has its first event: the upstream may not be live when it is counted. */
  async function live(recorder: Recorder<Updates>, station: string): Promise<void> {
    await reportUntil(platform, station, 0.1, () => recorder.results.length > 0);
  }

  async function territoryCommitted(): Promise<void> {
    const broker = await createBroker(platform.databaseUrl);
    const database = decodeURIComponent(new URL(platform.databaseUrl).pathname.slice(1));
    await broker.publish(`ocg.events.${database}.territory`, 'live-test-territory-change');
    await broker.close();
  }

  it('is fetched from territory once for a public stream, and again once territory commits a change', async () => {
    const metrics = metricsOf(platform.gateway);
    const station = 'TRILIB-12-0004';
    const client = wsClient(platform.gateway);
    const recorder = new Recorder<Updates>(client, STATION_UPDATES, { stationId: station });
    await live(recorder, station);
    const before = metrics.entityFetches;
    for (const level of [0.2, 0.3, 0.4]) await reportFillLevel(platform, station, level);
    await recorder.waitFor(4);
    // Other test files share the database: one of them may commit to territory meanwhile.
    expect(metrics.entityFetches - before).toBeLessThanOrEqual(1);

    await territoryCommitted();
    const changed = metrics.entityFetches;
    // The notification reaches the gateway shortly after it is sent: report until an event fetches.
    for (let attempt = 0; metrics.entityFetches === changed; attempt += 1) {
      if (attempt === 30) throw new Error('no event fetched from territory again after its change');
      await reportFillLevel(platform, station, 0.5);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    for (const data of recorder.data)
      expect(data.wasteStationUpdated.station.arrondissement).toMatchObject({
        code: 12,
        population: expect.any(Number),
      });
    recorder.close();
    await client.dispose();
  });

  it('is fetched for every event of an operator, whose answers are never kept', async () => {
    const metrics = metricsOf(platform.gateway);
    const station = 'TRILIB-12-0005';
    const client = wsClient(platform.gateway, { 'x-api-key': OPERATOR_KEY });
    const recorder = new Recorder<Updates>(client, STATION_UPDATES, { stationId: station });
    await live(recorder, station);
    const before = metrics.entityFetches;
    for (const level of [0.2, 0.3]) await reportFillLevel(platform, station, level);
    await recorder.waitFor(3);
    expect(metrics.entityFetches - before).toBeGreaterThanOrEqual(2);
    recorder.close();
    await client.dispose();
  });
});

describe('resume with after', () => {
  const station = 'TRILIB-12-0003';

  async function missFifty(keepAlive: boolean): Promise<void> {
    const keeper = keepAlive
      ? new Recorder<Updates>(wsClient(platform.gateway), STATION_UPDATES, { stationId: station })
      : undefined;
    const client = wsClient(platform.gateway);
    const first = new Recorder<Updates>(client, STATION_UPDATES, { stationId: station });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reportFillLevel(platform, station, 0.01);
    await first.waitFor(1);
    const last = first.data[0].wasteStationUpdated.eventId;
    first.close();
    const missed = Array.from({ length: 50 }, (_, index) => Math.round((index + 2) * 10) / 1000);
    for (const level of missed) await reportFillLevel(platform, station, level);

    const opened = metricsOf(platform.gateway).upstreamSubscriptionsOpened;
    const resumed = new Recorder<Updates>(client, STATION_UPDATES, { stationId: station, after: last });
    await resumed.waitFor(50);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reportFillLevel(platform, station, 0.9);
    await reportFillLevel(platform, station, 0.95);
    await resumed.waitFor(52);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const events = resumed.data.map((data) => data.wasteStationUpdated);
    expect(events.map((event) => event.fillingLevel)).toEqual([...missed, 0.9, 0.95]);
    const ids = events.map((event) => BigInt(event.eventId));
    expect(ids.every((id, index) => index === 0 || id > ids[index - 1])).toBe(true);
    expect(ids[0] > BigInt(last)).toBe(true);
    // A client resuming on a live shared stream is served from its replay buffer, not a new upstream.
    if (keepAlive) expect(metricsOf(platform.gateway).upstreamSubscriptionsOpened).toBe(opened);
    resumed.close();
    keeper?.close();
    await client.dispose();
  }

  it('replays from the log exactly the 50 missed events, then live ones, when nobody kept the stream open', async () => {
    await missFifty(false);
  });

  it('replays the 50 missed events from the shared stream that other clients kept open', async () => {
    await missFifty(true);
  });
});

describe('owning subgraph restart', () => {
  it('reconnects upstream and resumes after the last delivered event, without gap or duplicate', async () => {
    const station = 'TRILIB-12-0006';
    const recorder = new Recorder<Updates>(wsClient(platform.gateway), STATION_UPDATES, {
      stationId: station,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reportFillLevel(platform, station, 0.1);
    await recorder.waitFor(1);
    const index = platform.subgraphs.findIndex((subgraph) => subgraph.name === 'waste');
    const previous = platform.subgraphs[index];
    await previous.stop();
    platform.subgraphs[index] = await startSubgraph(waste, {
      databaseUrl: platform.databaseUrl,
      gatewaySecret: platform.gatewaySecret,
      port: previous.port,
    });
    // Written before the gateway is back upstream: they reach it through the log, not live.
    await reportFillLevel(platform, station, 0.2);
    await reportFillLevel(platform, station, 0.3);
    await recorder.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(recorder.error).toBeUndefined();
    expect(recorder.data.map((data) => data.wasteStationUpdated.fillingLevel)).toEqual([0.1, 0.2, 0.3]);
    recorder.close();
  });
});

describe('bad input', () => {
  const errorsOf = async (query: string, variables: Record<string, unknown> = {}) => {
    const recorder = new Recorder(wsClient(platform.gateway), query, variables);
    await recorder.waitFor(1);
    recorder.close();
    const errors = (Array.isArray(recorder.error) ? recorder.error : recorder.results[0]?.errors) as
      { message: string; extensions?: { code?: string } }[] | undefined;
    if (!errors)
      throw new Error(
        `expected errors, got ${JSON.stringify({ results: recorder.results, error: String(recorder.error) })}`,
      );
    return errors;
  };

  it('answers a malformed subscription, an unknown field and a query sent over graphql-ws with clear errors', async () => {
    expect((await errorsOf('subscription { wasteStationUpdated { eventId '))[0].message).toMatch(
      /Syntax Error/,
    );
    expect((await errorsOf('subscription { wasteStationUpdates { eventId } }'))[0].message).toMatch(
      /wasteStationUpdates/,
    );
    expect((await errorsOf('{ arrondissements { code } }'))[0].message).toMatch(/HTTP POST \/graphql/);
  });

  it('refuses an after from the future, one that is not an eventId, and an unknown arrondissement', async () => {
    const future = await errorsOf(STATION_UPDATES, { after: '99999999999' });
    expect(future[0]).toMatchObject({
      message: expect.stringMatching(/in the future/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const garbage = await errorsOf(STATION_UPDATES, { after: 'yesterday' });
    expect(garbage[0]).toMatchObject({
      message: expect.stringMatching(/after must be an eventId/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const arrondissement = await errorsOf(STATION_UPDATES, { arrondissement: 42 });
    expect(arrondissement[0]).toMatchObject({
      message: expect.stringMatching(/arrondissement/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses an after that retention has deleted past, naming the retention', async () => {
    const recorder = new Recorder<Updates>(wsClient(platform.gateway), STATION_UPDATES, {
      stationId: 'TRILIB-12-0004',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reportFillLevel(platform, 'TRILIB-12-0004', 0.3);
    await reportFillLevel(platform, 'TRILIB-12-0004', 0.4);
    await recorder.waitFor(2);
    recorder.close();
    const [old, kept] = recorder.data.map((data) => data.wasteStationUpdated.eventId);
    const waste = platform.subgraphs.find((subgraph) => subgraph.name === 'waste')!;
    await waste.db.query(
      `UPDATE event_log SET created_at = now() - interval '30 days' WHERE position <= $1`,
      [kept],
    );
    await pruneEvents(waste.db, 24);
    const expired = await errorsOf(STATION_UPDATES, {
      stationId: 'TRILIB-12-0004',
      after: String(BigInt(old) - 1n),
    });
    expect(expired[0]).toMatchObject({
      message: expect.stringMatching(/older than the event retention/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('closes a connection whose API key is unknown, and leaves other clients served', async () => {
    const healthy = new Recorder<Updates>(wsClient(platform.gateway), STATION_UPDATES, {
      stationId: 'TRILIB-12-0005',
    });
    const refused = new Recorder(wsClient(platform.gateway, { 'x-api-key': 'not-a-key' }), STATION_UPDATES);
    await eventually(() => refused.ended);
    expect((refused.error as { code: number }).code).toBe(4401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reportFillLevel(platform, 'TRILIB-12-0005', 0.5);
    await healthy.waitFor(1);
    expect(healthy.data[0].wasteStationUpdated.fillingLevel).toBe(0.5);
    healthy.close();
  });
});
