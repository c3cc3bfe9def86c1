import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext as ApolloBaseContext } from '@apollo/server';
import type { WebSocketServer } from 'ws';
import { logger } from './logger';

export const MAX_BODY_BYTES = Number(process.env.MAX_BODY_BYTES ?? 100_000);

export class PayloadTooLargeError extends Error {}

/** Reads a request body, refusing more than `limit` bytes before buffering it all. */
export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new PayloadTooLargeError(`request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

export function sendGraphQLError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
}

/** Headers as Apollo wants them: lower-case names, repeated values joined. */
export function toHeaderMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * Reads and checks a GraphQL request's body (size, JSON, no batches); undefined when it has
 * already been answered with an error.
 */
export async function readGraphQLBody(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<{ body: unknown } | undefined> {
  if (request.method !== 'POST') return { body: undefined };
  let text: string;
  try {
    text = await readBody(request);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) {
      // The rest of the body is never read: a kept-alive connection would parse it as the next request.
      response.setHeader('connection', 'close');
      sendGraphQLError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
      return undefined;
    }
    throw error;
  }
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.includes('application/json')) return { body: text };
  let body: unknown;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    sendGraphQLError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    return undefined;
  }
  // A JSON array is a batch: one request that costs as many operations as it holds.
  if (Array.isArray(body)) {
    sendGraphQLError(
      response,
      400,
      'BATCHING_NOT_SUPPORTED',
      'Batched operations are not supported: send one operation per request',
    );
    return undefined;
  }
  return { body };
}

/** An HTTP answer of Apollo Server, whole (status, headers, body text) or streamed. */
export type GraphQLHttpAnswer = Awaited<ReturnType<ApolloServer['executeHTTPGraphQLRequest']>>;

/** Runs a request whose body has been read through Apollo Server. */
export function executeGraphQLRequest<TContext extends ApolloBaseContext>(
  server: ApolloServer<TContext>,
  request: IncomingMessage,
  body: unknown,
  context: () => Promise<TContext>,
): Promise<GraphQLHttpAnswer> {
  return server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: request.method ?? 'GET',
      headers: toHeaderMap(request),
      search: new URL(request.url ?? '/', 'http://localhost').search,
      body,
    },
    context,
  });
}

export async function sendGraphQLAnswer(response: ServerResponse, answer: GraphQLHttpAnswer): Promise<void> {
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    response.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}

/**
 * Hands one HTTP request to Apollo Server (the integration API every Apollo integration uses),
 * so gateway and subgraphs share a plain `node:http` server that also carries /health, exports
 * and WebSocket upgrades.
 */
export async function handleGraphQLRequest<TContext extends ApolloBaseContext>(
  server: ApolloServer<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  context: () => Promise<TContext>,
): Promise<void> {
  const read = await readGraphQLBody(request, response);
  if (!read) return;
  await sendGraphQLAnswer(response, await executeGraphQLRequest(server, request, read.body, context));
}

/** `SHUTDOWN_DRAIN_MS` (default 10 s): how long a stopping server lets in-flight requests finish. */
export function drainTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.SHUTDOWN_DRAIN_MS ?? 10_000);
  if (!(value >= 0)) throw new Error('SHUTDOWN_DRAIN_MS must be a number of milliseconds');
  return value;
}

/**
 * Stops accepting connections at once, lets the requests in flight finish (a long export keeps
 * streaming), closes keep-alive connections as soon as they fall idle, and cuts whatever is left
 * after `timeoutMs`. Long-lived streams (WebSockets, SSE) must be ended by their owners meanwhile.
 */
export async function drainHttpServer(server: Server, timeoutMs = drainTimeoutMs()): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Requests still arriving on open keep-alive connections are answered, on a connection that then closes.
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) =>
    response.setHeader('connection', 'close'),
  );
  // A keep-alive connection whose response ends during the drain becomes idle: close it then.
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => {
    logger.warn({ timeoutMs }, 'drain timeout: closing the connections still open');
    server.closeAllConnections();
  }, timeoutMs);
  server.closeIdleConnections();
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(deadline);
  }
}

/** Close code telling a WebSocket client the server is going away (shutdown): reconnect elsewhere or later. */
export const GOING_AWAY = 1001;

/**
 * Closes every WebSocket with 1001 so clients know to reconnect (with their last eventId), and
 * cuts, one second later, those that do not answer the close handshake.
 */
export function closeWebSockets(sockets: WebSocketServer): void {
  for (const socket of sockets.clients) socket.close(GOING_AWAY, 'server shutting down');
  setTimeout(() => {
    for (const socket of sockets.clients) socket.terminate();
  }, 1_000).unref();
}
