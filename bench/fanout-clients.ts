import { request as httpRequest, type IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { startStandIn, standInEvent } from './fanout-stand-in';

/**
 * The subscribers of `bench/fanout.ts`, in their own process (pinned to the other core) so their
 * work is not the gateway's: one connection per subscriber, as one dashboard or browser tab each,
 * over graphql-ws (`graphql-transport-ws`) or SSE. Arguments: transport, gateway URL, count,
 * station. Reports `ready`, counts on `status`, and on `collect` (with the send time of each report,
 * in order: the n-th event by id is the n-th report) every delivery latency, event by event, and whether every subscriber got the same payload bytes,
 * with how many subscribers got each event and the payloads that carried no event (errors).
 */
export const FANOUT_QUERY =
  'subscription ($stationId: ID) { wasteStationUpdated(stationId: $stationId) { eventId station { id fillingLevel arrondissement { name population } } } }';

const EVENT_ID = /"eventId":"([^"]+)"/;

const [transport, url, countText, stationId] = process.argv.slice(2);
const count = Number(countText);
/** Receipt time of each delivery, keyed by the event's id. */
const receipts = new Map<string, number[]>();
/** The payload of each event as the first subscriber got it; another payload is a mismatch. */
const payloads = new Map<string, string>();
let mismatches = 0;
let delivered = 0;
/** Payloads without an eventId (an event whose resolution failed comes with `data: null` and errors). */
let errorPayloads = 0;
let firstError: string | undefined;
let open = 0;
let failures = 0;
let sockets: { close(): void }[] = [];

/**
 * One delivery, read as cheaply as a client can so the client core's queue stays out of the
 * latency: the eventId is found in the payload's text and payloads are compared as text, both
 * without `JSON.parse` (only a payload without an event, an error, is parsed to report it).
 */
function received(payload: string, at: number): void {
  const key = EVENT_ID.exec(payload)?.[1];
  if (key === undefined) {
    errorPayloads += 1;
    const parsed = JSON.parse(payload) as { errors?: { message?: string }[] };
    firstError ??= parsed.errors?.[0]?.message ?? payload.slice(0, 200);
    return;
  }
  const first = payloads.get(key);
  if (first === undefined) payloads.set(key, payload);
  else if (first !== payload) mismatches += 1;
  const times = receipts.get(key);
  if (times) times.push(at);
  else receipts.set(key, [at]);
  delivered += 1;
}

function subscribeOverWebSocket(target: string, index: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = new WebSocket(target, 'graphql-transport-ws', {
      perMessageDeflate: false,
      skipUTF8Validation: true,
    });
    sockets.push(socket);
    const id = `s${index}`;
    // The gateway writes each `next` as this prefix, the shared payload bytes and `}`.
    const next = `{"id":"${id}","type":"next","payload":`;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data: Buffer) => {
      const at = Date.now();
      const text = data.toString();
      if (text.startsWith(next)) {
        received(text.slice(next.length, -1), at);
        return;
      }
      if (text.includes('"type":"next"')) {
        // Another id, or the same message written differently: a mismatch, still a delivery.
        const message = JSON.parse(text) as { id: string; payload: unknown };
        mismatches += 1;
        received(JSON.stringify(message.payload), at);
        return;
      }
      const message = JSON.parse(text) as { type: string };
      if (message.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id,
            type: 'subscribe',
            payload: { query: FANOUT_QUERY, variables: { stationId } },
          }),
        );
        open += 1;
        resolve();
      } else if (message.type === 'error' || message.type === 'complete') failures += 1;
    });
    socket.on('error', () => {
      failures += 1;
      resolve();
    });
    socket.on('close', () => resolve());
  });
}

function subscribeOverSse(target: string): Promise<void> {
  return new Promise((resolve) => {
    const stream = new URL(target.replace(/\/graphql$/, '/graphql/stream'));
    stream.searchParams.set('query', FANOUT_QUERY);
    stream.searchParams.set('variables', JSON.stringify({ stationId }));
    const request = httpRequest(stream, { headers: { accept: 'text/event-stream' }, agent: false });
    sockets.push({ close: () => request.destroy() });
    request.on('response', (response: IncomingMessage) => {
      if (response.statusCode !== 200) failures += 1;
      else open += 1;
      resolve();
      let buffered = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const at = Date.now();
        buffered += chunk;
        let end;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (!block.includes('event: next')) continue;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) received(data, at);
        }
      });
    });
    request.on('error', () => {
      failures += 1;
      resolve();
    });
    request.end();
  });
}

/** Opens `subscribers` subscriptions to `target`, a few hundred handshakes at a time. */
async function subscribeAll(target: string, subscribers: number): Promise<void> {
  // The gateway authenticates each handshake, like a page load.
  const batch = 250;
  for (let start = 0; start < subscribers; start += batch) {
    const opening: Promise<void>[] = [];
    for (let index = start; index < Math.min(subscribers, start + batch); index += 1)
      opening.push(transport === 'sse' ? subscribeOverSse(target) : subscribeOverWebSocket(target, index));
    await Promise.all(opening);
  }
}

/**
 * Runs this process's receive path (socket reads, frame parsing, `received`) until it is compiled,
 * against the stand-in on loopback rather than the gateway, then forgets everything it received:
 * each point forks new client processes, and cold, their one core read the first two events after
 * a join about twice as slowly as later ones.
 */
async function rehearse(): Promise<void> {
  const subscribers = Math.min(count, 500);
  const frames = 20;
  const events = Array.from({ length: frames }, (_, frame) => standInEvent(`rehearsal-${frame}`));
  const standIn = await startStandIn((subscriber) => {
    for (const event of events) subscriber.deliver(event);
  });
  await subscribeAll(standIn.url, subscribers);
  const until = Date.now() + 10_000;
  while (delivered < subscribers * frames && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 10));
  for (const socket of sockets) socket.close();
  await standIn.close();
  sockets = [];
  receipts.clear();
  payloads.clear();
  mismatches = delivered = errorPayloads = open = failures = 0;
  firstError = undefined;
}

async function main(): Promise<void> {
  await rehearse();
  await subscribeAll(url, count);
  process.send?.({ ready: true, open, failures });
  process.on('message', (message: { status?: boolean; collect?: number[] }) => {
    if (message.status) process.send?.({ delivered, failures });
    const sentAt = message.collect;
    if (!sentAt) return;
    const eventIds = [...receipts.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    // The n-th event's latencies, one per subscriber that got it.
    const byEvent = eventIds.map((eventId, rank) =>
      (receipts.get(eventId) ?? []).map((at) => at - sentAt[rank]),
    );
    for (const socket of sockets) socket.close();
    const perEvent = eventIds.map((eventId) => [eventId, receipts.get(eventId)?.length ?? 0]);
    process.send?.({ byEvent, mismatches, failures, perEvent, errorPayloads, firstError }, () =>
      process.exit(0),
    );
  });
}

main().catch((error: unknown) => {
  process.send?.({ error: String(error) });
});
