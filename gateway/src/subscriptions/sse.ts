import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql/index.js';
import { PayloadTooLargeError, readBody, sendGraphQLError, sendJson } from '../../../platform/src/http';
import { SlowConsumerError } from './client-stream';
import type { SubscriptionEngine } from './engine';
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

/** Resolves when the response can take more, or the client went away. */
function writable(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
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

  const stream = engine.open(subscription, caller.identity);
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.flushHeaders();
  const heartbeat = setInterval(() => response.write(':\n\n'), HEARTBEAT_MS);
  response.on('close', () => {
    clearInterval(heartbeat);
    void stream.return();
  });
  try {
    for await (const item of stream) {
      const id = item.eventId ? `id: ${item.eventId}\n` : '';
      if (!response.write(`${id}event: next\ndata: ${JSON.stringify(item.result)}\n\n`))
        await writable(response);
      if (response.destroyed) return;
    }
  } catch (error) {
    if (!(error instanceof SlowConsumerError)) throw error;
    const slow = new GraphQLError(error.message, { extensions: { code: 'SLOW_CONSUMER' } });
    response.write(`event: next\ndata: ${JSON.stringify({ errors: [slow.toJSON()] })}\n\n`);
  } finally {
    clearInterval(heartbeat);
  }
  response.end('event: complete\ndata:\n\n');
}
