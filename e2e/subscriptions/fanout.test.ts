import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOW_CONSUMER_CLOSE_CODE } from '#gateway/subscriptions/ws';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import {
  eventually,
  metricsOf,
  OPERATOR_KEY,
  RawConnection,
  readEventStream,
  reportFillLevel,
} from '#test/live-clients';

/** Small enough to reach in a few reports, large enough that a client that reads confirms well within it. */
const CLIENT_BUFFER = 20;
const UPDATES =
  'subscription ($stationId: ID) { wasteStationUpdated(stationId: $stationId) { eventId fillingLevel station { id arrondissement { name population } } } }';

let platform: TestPlatform;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  process.env.SUBSCRIPTION_CLIENT_BUFFER = String(CLIENT_BUFFER);
  platform = await startTestPlatform(['territory', 'waste']);
});

afterAll(async () => {
  await platform?.stop();
});

/** `{"id":…,"type":"next","payload":<payload>}` → the id and the payload's exact text. */
function split(message: string): { id: string; payload: string } {
  const found = /^\{"id":("(?:[^"\\]|\\.)*"),"type":"next","payload":(.*)\}$/s.exec(message);
  if (!found) throw new Error(`not a next message: ${message}`);
  return { id: JSON.parse(found[1]) as string, payload: found[2] };
}

describe('shared bytes', () => {
  it('writes one serialization of each event to every subscriber: own id, identical payload, SSE alike', async () => {
    const station = 'TRILIB-11-0001';
    const metrics = metricsOf(platform.gateway);
    const connections = [
      new RawConnection(platform.gateway),
      new RawConnection(platform.gateway),
      new RawConnection(platform.gateway),
    ];
    await Promise.all(connections.map((connection) => connection.init()));
    const ids = ['first', 'a "quoted" id', 'éclair-3'];
    const clientsBefore = metrics.clients;
    for (const [index, connection] of connections.entries())
      connection.subscribe(ids[index], UPDATES, { stationId: station });
    await eventually(() => metrics.clients === clientsBefore + 3);
    const sse = readEventStream(
      platform.gateway.url.replace(/\/graphql$/, '/graphql/stream'),
      { query: UPDATES, variables: { stationId: station } },
      2,
    );
    await eventually(() => metrics.clients === clientsBefore + 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = { ...metrics };
    await reportFillLevel(platform, station, 0.31);
    await reportFillLevel(platform, station, 0.32);
    await eventually(() => connections.every((connection) => connection.nexts.length === 2));
    const { messages } = await sse;

    // One serialization per event for four subscribers, and at most one entity fetch per event
    // (none while territory's answer is kept; the test files share territory's notifications).
    expect(metrics.serializations - before.serializations).toBe(2);
    expect(metrics.entityFetches - before.entityFetches).toBeLessThanOrEqual(2);
    expect(metrics.deliveries - before.deliveries).toBe(8);
    for (const event of [0, 1]) {
      const received = connections.map((connection) => split(connection.nexts[event]));
      expect(received.map((message) => message.id)).toEqual(ids);
      expect(new Set(received.map((message) => message.payload)).size).toBe(1);
      const sseEvent = messages.filter((message) => message.event === 'next')[event];
      expect(sseEvent.data).toBe(received[0].payload);
      const payload = JSON.parse(received[0].payload) as {
        data: { wasteStationUpdated: { eventId: string; fillingLevel: number } };
      };
      expect(payload.data.wasteStationUpdated.fillingLevel).toBe([0.31, 0.32][event]);
      expect(sseEvent.id).toBe(payload.data.wasteStationUpdated.eventId);
    }
    for (const connection of connections) connection.socket.close();
  });

  it('coalesces the events of a connection’s subscriptions into one write per turn', async () => {
    const station = 'TRILIB-11-0002';
    const metrics = metricsOf(platform.gateway);
    const connection = new RawConnection(platform.gateway);
    await connection.init();
    for (let index = 0; index < 5; index += 1)
      connection.subscribe(`s${index}`, UPDATES, { stationId: station });
    await eventually(() => metrics.upstreamSubscriptions > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = { ...metrics };
    await reportFillLevel(platform, station, 0.41);
    await eventually(() => connection.nexts.length === 5);
    expect(metrics.deliveries - before.deliveries).toBe(5);
    expect(metrics.writes - before.writes).toBe(1);
    expect(connection.nexts.map((message) => split(message).id)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    connection.socket.close();
  });
});

describe('privacy of groups', () => {
  it('shares a group between callers with the same identity only', async () => {
    const station = 'TRILIB-11-0003';
    const metrics = metricsOf(platform.gateway);
    // The connections of earlier tests close asynchronously.
    await eventually(() => metrics.upstreamSubscriptions === 0);
    const anonymous = [new RawConnection(platform.gateway), new RawConnection(platform.gateway)];
    const operator = new RawConnection(platform.gateway, { headers: { 'x-api-key': OPERATOR_KEY } });
    for (const connection of [...anonymous, operator]) {
      await connection.init();
      connection.subscribe('live', UPDATES, { stationId: station });
    }
    // Two anonymous callers share one upstream; the operator, though asking the same, gets its own.
    await eventually(() => metrics.upstreamSubscriptions === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(metrics.upstreamSubscriptions).toBe(2);
    for (const connection of [...anonymous, operator]) connection.socket.close();
  });
});

describe('a client that reads too slowly', () => {
  it(`is closed after ${CLIENT_BUFFER} waiting events, told where to resume, while the others get every event`, async () => {
    const station = 'TRILIB-11-0004';
    const metrics = metricsOf(platform.gateway);
    // The connections of earlier tests close asynchronously: their clients must not count here.
    await eventually(() => metrics.clients === 0);
    const slow = new RawConnection(platform.gateway);
    await slow.init();
    slow.subscribe('slow-0', UPDATES, { stationId: station });
    slow.subscribe('slow-1', UPDATES, { stationId: station });
    const reader = new RawConnection(platform.gateway);
    await reader.init();
    reader.subscribe('reader', UPDATES, { stationId: station });
    await eventually(() => metrics.clients === 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // It stops reading. The kernel would take megabytes before anything waited in the gateway: the
    // gateway counts an event as waiting until the client answers a ping written after it.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const eventsBefore = metrics.upstreamEvents;
    let sent = 0;
    // Ten reports at a time, until the gateway gave up on it (its two streams left their group).
    while (metrics.clients === 3 && sent < 200) {
      await Promise.all(
        Array.from({ length: 10 }, (_, index) => reportFillLevel(platform, station, (index + 5) / 100)),
      );
      sent += 10;
    }
    await eventually(() => metrics.clients === 1);
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await eventually(() => slow.closed !== undefined, 30_000);
    expect(slow.closed?.code).toBe(SLOW_CONSUMER_CLOSE_CODE);
    expect(slow.closed?.reason).toMatch(
      new RegExp(`read too slowly \\(${CLIENT_BUFFER} events waiting\\); subscribe again with after: "\\d+"`),
    );
    // Each subscription got the events written before the close, in order, the last one the resume point.
    const after = /after: "(\d+)"/.exec(slow.closed?.reason ?? '')?.[1];
    for (const id of ['slow-0', 'slow-1']) {
      const got = slow.nexts
        .map(split)
        .filter((message) => message.id === id)
        .map(
          (message) =>
            (JSON.parse(message.payload) as { data: { wasteStationUpdated: { eventId: string } } }).data
              .wasteStationUpdated.eventId,
        );
      expect(got).toHaveLength(CLIENT_BUFFER);
      expect(got.at(-1)).toBe(after);
      expect(new Set(got).size).toBe(got.length);
    }
    // The reader, on the same stream, was not slowed down nor closed.
    // (A report moves the level, so makes an event, only if it is the newest: not all ten do.)
    await eventually(() => reader.nexts.length === metrics.upstreamEvents - eventsBefore, 30_000);
    const eventIds = reader.nexts.map((message) =>
      BigInt(
        (JSON.parse(split(message).payload) as { data: { wasteStationUpdated: { eventId: string } } }).data
          .wasteStationUpdated.eventId,
      ),
    );
    expect(eventIds.length).toBeGreaterThan(CLIENT_BUFFER);
    expect(eventIds.every((eventId, index) => index === 0 || eventId > eventIds[index - 1])).toBe(true);
    expect(reader.closed).toBeUndefined();
    reader.socket.close();
  });

  it('takes all the subscriptions of the connection it closes out of their groups at once', async () => {
    const [busy, quiet] = ['TRILIB-11-0005', 'TRILIB-11-0006'];
    const metrics = metricsOf(platform.gateway);
    await eventually(() => metrics.clients === 0 && metrics.upstreamSubscriptions === 0);
    const slow = new RawConnection(platform.gateway);
    await slow.init();
    slow.subscribe('busy', UPDATES, { stationId: busy });
    slow.subscribe('quiet', UPDATES, { stationId: quiet });
    await eventually(() => metrics.clients === 2 && metrics.upstreamSubscriptions === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    let sent = 0;
    while (metrics.clients === 2 && sent < 200) {
      await Promise.all(
        Array.from({ length: 10 }, (_, index) => reportFillLevel(platform, busy, (index + 5) / 100)),
      );
      sent += 10;
    }
    // The quiet subscription, with nothing waiting, left its group with the busy one while the
    // paused client has not yet answered the close: its group has no client left, nor upstream.
    expect(metrics.clients).toBe(0);
    expect(metrics.upstreamSubscriptions).toBe(0);
    expect(slow.closed).toBeUndefined();
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await eventually(() => slow.closed !== undefined, 30_000);
    expect(slow.closed?.code).toBe(SLOW_CONSUMER_CLOSE_CODE);
    expect(slow.nexts.map((message) => split(message).id).every((id) => id === 'busy')).toBe(true);
  });
});
