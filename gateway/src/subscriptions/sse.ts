import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql/index.js';
import { PayloadTooLargeError, readBody, sendGraphQLError, sendJson } from '#platform/http';
import { ClientStream } from './client-stream';
import type { SubscriptionEngine, SubscriptionMetrics } from './engine';
import { Outbox, release } from './outbox';
import type { SharedEvent } from './shared-event';
import { Sweep } from './sweep';
import type { LiveTransportOptions } from './ws';

const HEARTBEAT_MS = 15_000;

async function requestParameters(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (request.method === 'POST') {
    const text = await readBody(request);
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new SyntaxError('The body must be a JSON object');
    return parsed as Record<string, unknown>;
  }
  const search = new URL(request.url ?? '/', 'http://localhost').searchParams;
  const variables = search.get('variables');
  const extensions = search.get('extensions');
  return {
    query: search.get('query') ?? undefined,
    operationName: search.get('operationName') ?? undefined,
    variables: variables ? (JSON.parse(variables) as unknown) : undefined,
    extensions: extensions ? (JSON.parse(extensions) as unknown) : undefined,
  };
}

const HEARTBEAT = Buffer.from(':\n\n');
const COMPLETE = 'event: complete\ndata:\n\n';
/** Every open event stream, in the one heartbeat sweep they share. */
const heartbeats = new Sweep<ServerResponse>(HEARTBEAT_MS, (open) => open.write(HEARTBEAT));

/** One SSE subscriber: each event is the same bytes for all (`id:`, `event: next`, `data:`). Exported for its tests. */
export class EventStream extends ClientStream {
  private readonly outbox: Outbox;

  constructor(
    limit: number,
    private readonly response: ServerResponse,
    metrics: SubscriptionMetrics,
  ) {
    super(limit);
    // No way back from an SSE client: its events wait until the kernel has taken them.
    this.outbox = new Outbox((frames, owners) => {
      metrics.writes += 1;
      response.cork();
      const last = frames.length - 1;
      for (let index = 0; index < last; index += 1) response.write(frames[index]);
      response.write(frames[last], () => release(owners));
      response.uncork();
    });
  }

  protected write(event: SharedEvent, counted: boolean): void {
    this.outbox.push(event.sse, counted ? this : undefined);
  }

  protected tooSlow(message: string): void {
    const slow = new GraphQLError(message, { extensions: { code: 'SLOW_CONSUMER' } });
    this.ended({ errors: [slow] });
  }

  protected ended(result?: ExecutionResult): void {
    if (result) this.outbox.push(Buffer.from(`event: next\ndata: ${JSON.stringify(result)}\n\n`));
    this.outbox.flush();
    heartbeats.delete(this.response);
    this.response.end(COMPLETE);
  }
}

/**
 * Server-sent events at /graphql/stream in graphql-sse's distinct-connections mode (one operation
 * per request; `next` events, then `complete`), so graphql-sse clients work unchanged. Each event
 * also carries `id: <eventId>`, so a browser's EventSource (or curl) resumes with `Last-Event-ID`.
 */
export async function handleEventStream(
  request: IncomingMessage,
  response: ServerResponse,
  engine: SubscriptionEngine,
  { authenticate, isRefusal, admit }: LiveTransportOptions,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'POST') {
    response.setHeader('allow', 'GET, POST');
    return sendGraphQLError(
      response,
      405,
      'METHOD_NOT_ALLOWED',
      'Subscribe with GET or POST and Accept: text/event-stream',
    );
  }
  let caller;
  try {
    caller = await authenticate(request.headers, request);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return sendJson(
      response,
      401,
      { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] },
      { 'www-authenticate': 'Bearer' },
    );
  }
  // One request per subscription: each counts against the caller's budget, like a query.
  const refusal = await admit?.(caller);
  if (refusal) {
    const retryAfter = refusal.extensions.retryAfterSeconds;
    return sendJson(
      response,
      429,
      { errors: [refusal] },
      typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {},
    );
  }
  let parameters;
  try {
    parameters = await requestParameters(request);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) {
      // The rest of the body is never read: the connection cannot carry another request.
      response.setHeader('connection', 'close');
      return sendGraphQLError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
    }
    if (error instanceof SyntaxError)
      return sendGraphQLError(
        response,
        400,
        'BAD_REQUEST',
        `The request is not valid JSON: ${error.message}`,
      );
    throw error;
  }
  const prepared = engine.prepare(parameters);
  if (!prepared.ok)
    return sendJson(response, 400, { errors: prepared.errors.map((error) => error.toJSON()) });
  const lastEventId = request.headers['last-event-id'];
  const subscription =
    typeof lastEventId === 'string' && lastEventId !== ''
      ? { ...prepared.subscription, after: lastEventId }
      : prepared.subscription;

  const stream = new EventStream(engine.clientBuffer, response, engine.metrics);
  engine.open(subscription, caller.identity, stream);
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.flushHeaders();
  heartbeats.add(response);
  response.on('close', () => {
    heartbeats.delete(response);
    stream.detach();
  });
}
