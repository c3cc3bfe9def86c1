import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { eventually, metricsOf, OPERATOR_KEY, readEventStream, reportFillLevel } from './helpers';

const UPDATES =
  'subscription ($stationId: ID) { wasteStationUpdated(stationId: $stationId) { eventId fillingLevel station { id arrondissement { name population } } } }';

let platform: TestPlatform;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'waste']);
});

afterAll(async () => {
  await platform?.stop();
});

/** A graphql-ws connection read frame by frame, as text: what the gateway wrote, byte for byte. */
class RawConnection {
  readonly messages: string[] = [];
  closed?: { code: number; reason: string };
  readonly socket: WebSocket;
  private readonly opened: Promise<void>;

  constructor(headers: Record<string, string> = {}) {
    this.socket = new WebSocket(platform.gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      headers,
    });
    this.socket.on('message', (data: Buffer) => this.messages.push(data.toString()));
    this.socket.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
    this.opened = new Promise((resolve) => this.socket.once('open', () => resolve()));
  }

  async init(): Promise<void> {
    await this.opened;
    this.socket.send(JSON.stringify({ type: 'connection_init' }));
    await eventually(() => this.messages.some((message) => message.includes('connection_ack')));
  }

  subscribe(id: string, query = UPDATES, variables: Record<string, unknown> = {}): void {
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  }

  /** The `next` messages in arrival order. */
  get nexts(): string[] {
    return this.messages.filter((message) => message.includes('"type":"next"'));
  }
}

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
    const connections = [new RawConnection(), new RawConnection(), new RawConnection()];
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

    // One serialization and one entity fetch per event, for four subscribers.
    expect(metrics.serializations - before.serializations).toBe(2);
    expect(metrics.entityFetches - before.entityFetches).toBe(2);
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
    const connection = new RawConnection();
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
    const anonymous = [new RawConnection(), new RawConnection()];
    const operator = new RawConnection({ 'x-api-key': OPERATOR_KEY });
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
