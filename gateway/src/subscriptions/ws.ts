import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { GraphQLError, type ExecutionResult } from 'graphql/index.js';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeWebSockets, MAX_BODY_BYTES } from '#platform/http';
import type { Identity } from '#platform/identity';
import { logger } from '#platform/logger';
import type { Caller } from '../authentication';
import { ClientStream } from './client-stream';
import type { SubscriptionEngine, SubscriptionMetrics } from './engine';
import type { PreparedSubscription } from './operation';
import { flushOutboxes, Outbox } from './outbox';
import { Receipts } from './receipts';
import { nextMessagePrefix, type SharedEvent } from './shared-event';
import { Sweep } from './sweep';

export type Authenticate = (headers: IncomingHttpHeaders, request: IncomingMessage) => Promise<Caller>;
/** Tells a refusal meant for the caller (bad key, expired token) from a failure of the gateway. */
export type IsRefusal = (error: unknown) => error is Error;

/** Why a connection or an operation is turned away (the rate limit), with its stable code. */
export interface Refusal {
  message: string;
  extensions: { code: string } & Record<string, unknown>;
}
/** Counts a connection or a subscription against the caller's budget; a refusal when it is spent. */
export type Admit = (caller: Caller) => Promise<Refusal | undefined>;

export interface LiveTransportOptions {
  authenticate: Authenticate;
  isRefusal: IsRefusal;
  admit?: Admit;
  /** Subscriptions one graphql-ws connection may hold at once (`SUBSCRIPTIONS_PER_CONNECTION`, 50). */
  maxSubscriptionsPerConnection?: number;
  /** Largest graphql-ws message, like the HTTP body limit (`MAX_BODY_BYTES`). */
  maxPayloadBytes?: number;
  /** permessage-deflate on graphql-ws (`SUBSCRIPTION_WS_DEFLATE=on`): off by default, it costs CPU and memory per socket. */
  deflate?: boolean;
}

/** WebSocket close code for a client closed because it read too slowly (it may reconnect with `after`). */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;
/** WebSocket close code for credentials refused (graphql-ws's own Unauthorized). */
export const UNAUTHENTICATED_CLOSE_CODE = 4401;
/** WebSocket close code for a connection over the caller's rate limit (retry after the reason's delay). */
export const RATE_LIMITED_CLOSE_CODE = 4029;
/** A connection that has not answered a ping by the next one is gone. */
const KEEP_ALIVE_MS = 12_000;

/** A close reason is at most 123 bytes. */
function reason(message: string): string {
  return Buffer.from(message).subarray(0, 123).toString('utf8');
}

/** Browsers cannot set WebSocket headers: credentials may come in connectionParams instead. */
function credentials(
  request: IncomingMessage,
  params: Readonly<Record<string, unknown>> | undefined,
): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { ...request.headers };
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  return headers;
}

/**
 * One graphql-ws connection: its socket, the outbox its frames leave through, what its client has
 * confirmed reading, its subscriptions, and the caller once authenticated. The upgrade request is
 * kept only until then.
 */
class LiveConnection {
  readonly outbox: Outbox;
  readonly receipts: Receipts;
  caller?: Caller;
  alive = true;
  /** Its subscriptions still running: a close ends them all at once. */
  private readonly streams = new Set<WebSocketStream>();

  constructor(
    readonly socket: WebSocket,
    raw: Socket,
    public request: IncomingMessage | undefined,
    metrics: SubscriptionMetrics,
    clientBuffer: number,
  ) {
    // Half the buffer between pings: a client that reads keeps its count well under the limit.
    this.receipts = new Receipts(Math.max(1, Math.ceil(clientBuffer / 2)));
    this.outbox = new Outbox((frames, owners) => {
      metrics.writes += 1;
      // Corked: the batch (and the ping that may follow it) leaves in one write however many frames it holds.
      raw.cork();
      for (const frame of frames) socket.send(frame, TEXT_FRAME);
      if (this.receipts.written(owners)) this.ping();
      raw.uncork();
    });
  }

  /** A ping after everything written: its pong releases those events (see Receipts). */
  ping(): void {
    this.receipts.ping((payload, written) => this.socket.ping(payload, false, written));
  }

  /** Takes a new subscription; false once the connection is closing (it must not join a group). */
  adopt(stream: WebSocketStream): boolean {
    if (this.outbox.closed) return false;
    this.streams.add(stream);
    return true;
  }

  forget(stream: WebSocketStream): void {
    this.streams.delete(stream);
  }

  /**
   * Writes what is queued, then closes. Every subscription of the connection leaves its group now,
   * not when the socket has closed (a slow reader's close handshake can take ws's 30 s): none
   * queues or writes anything more, and a group left without clients closes its upstream.
   */
  close(code: number, message: string): void {
    this.outbox.close();
    const streams = [...this.streams];
    this.streams.clear();
    for (const stream of streams) stream.end();
    this.socket.close(code, reason(message));
  }
}
const TEXT_FRAME = { binary: false } as const;

/** Carried from onSubscribe to subscribe in graphql-ws's execution arguments. */
class LiveRequest {
  constructor(
    readonly id: string,
    readonly subscription: PreparedSubscription,
    readonly identity: Identity,
    readonly connection: LiveConnection,
  ) {}
}

/**
 * One graphql-ws subscriber: each event's shared bytes behind its own `next` prefix, queued on its
 * connection's outbox. graphql-ws iterates it only for the end: a last result (errors), then
 * `complete`.
 */
class WebSocketStream extends ClientStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly prefix: Buffer;
  private last?: ExecutionResult;
  private wake?: () => void;

  constructor(
    id: string,
    limit: number,
    private readonly connection: LiveConnection,
  ) {
    super(limit);
    this.prefix = nextMessagePrefix(id);
  }

  /** Joins the subscription to its shared stream, unless its connection is closing already. */
  open(engine: SubscriptionEngine, request: LiveRequest): void {
    if (this.connection.adopt(this)) engine.open(request.subscription, request.identity, this);
    else this.end();
  }

  protected write(event: SharedEvent, counted: boolean): void {
    this.connection.outbox.push(
      Buffer.concat([this.prefix, event.graphqlWsTail]),
      counted ? this : undefined,
    );
  }

  protected tooSlow(message: string): void {
    this.connection.close(SLOW_CONSUMER_CLOSE_CODE, message);
    this.wake?.();
  }

  protected ended(result?: ExecutionResult): void {
    this.connection.forget(this);
    this.last = result;
    this.wake?.();
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    while (!this.finished) await new Promise<void>((resolve) => (this.wake = resolve));
    const last = this.last;
    this.last = undefined;
    return last ? { done: false, value: last } : { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.detach();
    this.connection.forget(this);
    this.wake?.();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * graphql-ws on the gateway's /graphql: graphql-ws's own protocol server (handshake, ids, pings,
 * completion), fed by our sockets so that events bypass it: the caller is authenticated once per
 * connection (headers or connectionParams, like a query's headers), each operation is validated
 * with the same rules as over HTTP and joined to its shared stream, whose events are written
 * straight to the connection's outbox, serialized once for all.
 */
export function serveGraphQLWs(
  httpServer: Server,
  engine: SubscriptionEngine,
  options: LiveTransportOptions,
): { close(): Promise<void> } {
  const { authenticate, isRefusal, admit } = options;
  const maxSubscriptions =
    options.maxSubscriptionsPerConnection ?? Number(process.env.SUBSCRIPTIONS_PER_CONNECTION ?? 50);
  // ws closes a connection sending more with 1009 (message too big) before parsing anything.
  const sockets = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: options.maxPayloadBytes ?? MAX_BODY_BYTES,
    handleProtocols,
    perMessageDeflate: options.deflate ?? process.env.SUBSCRIPTION_WS_DEFLATE === 'on',
  });
  const protocol = makeServer<Record<string, unknown> | undefined, { connection: LiveConnection }>({
    onConnect: async (context) => {
      const { connection } = context.extra;
      const request = connection.request;
      connection.request = undefined;
      if (!request) return false;
      let caller;
      try {
        caller = await authenticate(credentials(request, context.connectionParams), request);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        connection.close(UNAUTHENTICATED_CLOSE_CODE, error.message);
        return false;
      }
      const refusal = await admit?.(caller);
      if (refusal) {
        connection.close(RATE_LIMITED_CLOSE_CODE, refusal.message);
        return false;
      }
      connection.caller = caller;
      return true;
    },
    onSubscribe: async (context, id, payload) => {
      const { connection } = context.extra;
      const caller = connection.caller;
      if (!caller)
        return [new GraphQLError('Unauthenticated connection', { extensions: { code: 'UNAUTHENTICATED' } })];
      // graphql-ws has already registered this one.
      if (Object.keys(context.subscriptions).length > maxSubscriptions)
        return [
          new GraphQLError(
            `A connection may hold at most ${maxSubscriptions} subscriptions: complete one, or open another connection`,
            { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: maxSubscriptions } },
          ),
        ];
      // Each subscription costs one request of the caller's budget; refusing it leaves the others running.
      const refusal = await admit?.(caller);
      if (refusal) return [new GraphQLError(refusal.message, { extensions: refusal.extensions })];
      const prepared = engine.prepare(payload);
      if (!prepared.ok) return prepared.errors;
      const { subscription } = prepared;
      return {
        schema: engine.apiSchema,
        document: subscription.document,
        operationName: subscription.operationName,
        variableValues: subscription.variables,
        contextValue: new LiveRequest(id, subscription, caller.identity, connection),
      };
    },
    subscribe: (args) => {
      const request = args.contextValue;
      if (!(request instanceof LiveRequest))
        throw new Error('A subscription reached execution without being prepared');
      const stream = new WebSocketStream(request.id, engine.clientBuffer, request.connection);
      stream.open(engine, request);
      return stream;
    },
  });

  // One sweep for every connection (not a timer per socket), spread over the period: a socket
  // that missed its last ping is gone.
  const keepAlive = new Sweep<LiveConnection>(KEEP_ALIVE_MS, (connection) => {
    const socket = connection.socket;
    // A closing socket (a slow reader told why) has ws's own close timeout to read its backlog.
    if (socket.readyState !== socket.OPEN) return;
    if (!connection.alive) {
      socket.terminate();
      return;
    }
    connection.alive = false;
    connection.ping();
  });

  sockets.on('connection', (socket, request) => {
    const connection = new LiveConnection(
      socket,
      request.socket,
      request,
      engine.metrics,
      engine.clientBuffer,
    );
    socket.once('error', (error) => {
      logger.warn({ err: error }, 'graphql-ws socket failed');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    socket.on('pong', (payload) => {
      connection.alive = true;
      connection.receipts.pong(payload);
    });
    keepAlive.add(connection);
    const closed = protocol.opened(
      {
        protocol: socket.protocol,
        send: (data) => connection.outbox.push(Buffer.from(data)),
        close: (code, message) => connection.close(code ?? CloseCode.InternalServerError, message ?? ''),
        onMessage: (received) =>
          socket.on('message', (data: Buffer) => {
            received(data.toString()).catch((error: unknown) => {
              logger.error({ err: error }, 'graphql-ws message failed');
              connection.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { connection },
    );
    socket.once('close', (code, message) => {
      keepAlive.delete(connection);
      void closed(code, message.toString());
    });
  });
  return {
    async close() {
      keepAlive.stop();
      // The streams the engine ended send their `complete` before the sockets close.
      await new Promise((resolve) => setImmediate(resolve));
      flushOutboxes();
      closeWebSockets(sockets);
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
