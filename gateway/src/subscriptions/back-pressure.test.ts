import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { SubscriptionMetrics } from './engine';
import { flushOutboxes, type Backlog } from './outbox';
import { Receipts } from './receipts';
import { SharedEvent } from './shared-event';
import { EventStream } from './sse';

function owner(): Backlog {
  return { waiting: 0 };
}

/** What the kernel would do with a ping: take it now (`true`), or later (the callback is kept). */
function pinger(takeNow: boolean) {
  const pings: { payload: Buffer; written: (error?: Error) => void }[] = [];
  return {
    pings,
    send: (payload: Buffer, written: (error?: Error) => void) => {
      pings.push({ payload, written });
      if (takeNow) written();
    },
  };
}

describe('graphql-ws receipts', () => {
  it('keeps events waiting until a pong confirms a ping written after them', () => {
    const receipts = new Receipts(2);
    const slow = owner();
    const { pings, send } = pinger(true);
    for (let event = 1; event <= 5; event += 1) {
      slow.waiting += 1;
      if (receipts.written([slow])) receipts.ping(send);
    }
    // A ping after the second and the fourth event; nothing answered: all five still wait.
    expect(pings.map((ping) => ping.payload.toString())).toEqual(['1', '2']);
    expect(slow.waiting).toBe(5);
    receipts.pong(pings[0].payload);
    expect(slow.waiting).toBe(3);
    // A pong answers every ping before it too.
    receipts.ping(send);
    receipts.pong(pings[2].payload);
    expect(slow.waiting).toBe(0);
  });

  it('counts each subscriber of a connection apart, and ignores pongs it cannot match', () => {
    const receipts = new Receipts(3);
    const [first, second] = [owner(), owner()];
    const { pings, send } = pinger(true);
    first.waiting += 2;
    second.waiting += 1;
    expect(receipts.written([first, undefined, first, second])).toBe(false);
    receipts.ping(send);
    for (const payload of ['', 'x', '-1', '99999999999999999999']) receipts.pong(Buffer.from(payload));
    expect([first.waiting, second.waiting]).toEqual([2, 1]);
    receipts.pong(pings[0].payload);
    expect([first.waiting, second.waiting]).toEqual([0, 0]);
  });

  it('takes no pong for a ping still queued in the process: a client cannot answer what it was not sent', () => {
    const receipts = new Receipts(1);
    const slow = owner();
    const { pings, send } = pinger(false);
    slow.waiting += 1;
    expect(receipts.written([slow])).toBe(true);
    receipts.ping(send);
    receipts.pong(Buffer.from('1'));
    expect(slow.waiting).toBe(1);
    pings[0].written(new Error('socket closed'));
    receipts.pong(Buffer.from('1'));
    expect(slow.waiting).toBe(1);
  });

  it('keeps nothing for a keep-alive ping of an idle connection', () => {
    const receipts = new Receipts(2);
    const { pings, send } = pinger(true);
    receipts.ping(send);
    receipts.pong(pings[0].payload);
    expect(receipts).toMatchObject({ awaiting: [] });
  });
});

/** A response that records what is written and holds each write's callback until `drain()`. */
function fakeResponse() {
  const chunks: string[] = [];
  const held: (() => void)[] = [];
  let ended = false;
  const response = {
    cork() {},
    uncork() {},
    write(chunk: Buffer | string, callback?: () => void) {
      chunks.push(chunk.toString());
      if (callback) held.push(callback);
      return true;
    },
    end(chunk?: string) {
      if (chunk) chunks.push(chunk);
      ended = true;
    },
  };
  return {
    response: response as unknown as ServerResponse,
    chunks,
    get ended() {
      return ended;
    },
    drain() {
      for (const callback of held.splice(0)) callback();
    },
  };
}

const metrics = { writes: 0 } as SubscriptionMetrics;
const event = (position: number) =>
  SharedEvent.of(BigInt(position), { data: { wasteStationUpdated: { eventId: String(position) } } });

describe('SSE back-pressure', () => {
  it('ends a stream whose events the kernel has not taken after the limit, with SLOW_CONSUMER and the resume point', () => {
    const fake = fakeResponse();
    const stream = new EventStream(3, fake.response, metrics);
    for (let position = 1; position <= 4; position += 1) {
      stream.deliver(event(position));
      flushOutboxes();
    }
    expect(fake.ended).toBe(true);
    const last = fake.chunks.at(-2) ?? '';
    expect(last).toContain('"code":"SLOW_CONSUMER"');
    expect(last).toContain('read too slowly (3 events waiting); subscribe again with after: \\"3\\"');
    expect(fake.chunks.at(-1)).toBe('event: complete\ndata:\n\n');
    expect(fake.chunks.filter((chunk) => chunk.startsWith('id: '))).toHaveLength(3);
  });

  it('keeps a stream whose writes the kernel takes', () => {
    const fake = fakeResponse();
    const stream = new EventStream(3, fake.response, metrics);
    for (let position = 1; position <= 10; position += 1) {
      stream.deliver(event(position));
      flushOutboxes();
      fake.drain();
    }
    expect(fake.ended).toBe(false);
    expect(stream.waiting).toBe(0);
    stream.detach();
  });

  it('does not count a replay the client asked for against the limit', () => {
    const fake = fakeResponse();
    const stream = new EventStream(3, fake.response, metrics);
    for (let position = 1; position <= 5; position += 1) stream.deliver(event(position), true);
    flushOutboxes();
    expect(fake.ended).toBe(false);
    expect(stream.waiting).toBe(0);
    stream.detach();
  });
});
