import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql/index.js';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeWebSockets, MAX_BODY_BYTES } from '../../../platform/src/http';
import type { Identity } from '../../../platform/src/identity';
import type { Caller } from '../authentication';
import { SlowConsumerError, type ClientStream } from './client-stream';
import type { SubscriptionEngine } from './engine';
import type { PreparedSubscription } from './operation';

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
}

/** WebSocket close code for a client closed because it read too slowly (it may reconnect with `after`). */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;
/** WebSocket close code for credentials refused (graphql-ws's own Unauthorized). */
export const UNAUTHENTICATED_CLOSE_CODE = 4401;
/** WebSocket close code for a connection over the caller's rate limit (retry after the reason's delay). */
export const RATE_LIMITED_CLOSE_CODE = 4029;

/** Carried from onSubscribe to subscribe in graphql-ws's execution arguments. */
class LiveRequest {
  constructor(
    readonly subscription: PreparedSubscription,
    readonly identity: Identity,
    readonly socket: WebSocket,
  ) {}
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

/** A close reason is at most 123 bytes. */
function reason(message: string): string {
  return Buffer.from(message).subarray(0, 123).toString('utf8');
}

/** The client's results as graphql-ws sends them; a client left behind is told why, then closed. */
function results(stream: ClientStream, socket: WebSocket): AsyncGenerator<ExecutionResult> {
  const iterator: AsyncGenerator<ExecutionResult> = {
    async next() {
      try {
        const item = await stream.next();
        return item.done ? { done: true, value: undefined } : { done: false, value: item.value.result };
      } catch (error) {
        if (error instanceof SlowConsumerError)
          setImmediate(() => socket.close(SLOW_CONSUMER_CLOSE_CODE, reason(error.message)));
        throw error;
      }
    },
    async return() {
      await stream.return();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await stream.return();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * graphql-ws on the gateway's /graphql: the caller is authenticated once per connection (headers
 * or connectionParams, like a query's headers), then each operation is validated with the same
 * rules as over HTTP and joined to its shared stream.
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
  });
  const callers = new WeakMap<WebSocket, Caller>();
  const server = useServer(
    {
      onConnect: async (context) => {
        const { socket, request } = context.extra;
        let caller;
        try {
          caller = await authenticate(credentials(request, context.connectionParams), request);
        } catch (error) {
          if (!isRefusal(error)) throw error;
          socket.close(UNAUTHENTICATED_CLOSE_CODE, reason(error.message));
          return false;
        }
        const refusal = await admit?.(caller);
        if (refusal) {
          socket.close(RATE_LIMITED_CLOSE_CODE, reason(refusal.message));
          return false;
        }
        callers.set(socket, caller);
        return true;
      },
      onSubscribe: async (context, _id, payload) => {
        const caller = callers.get(context.extra.socket);
        if (!caller)
          return [
            new GraphQLError('Unauthenticated connection', { extensions: { code: 'UNAUTHENTICATED' } }),
          ];
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
        const identity = caller.identity;
        const prepared = engine.prepare(payload);
        if (!prepared.ok) return prepared.errors;
        const { subscription } = prepared;
        return {
          schema: engine.apiSchema,
          document: subscription.document,
          operationName: subscription.operationName,
          variableValues: subscription.variables,
          contextValue: new LiveRequest(subscription, identity, context.extra.socket),
        };
      },
      subscribe: (args) => {
        const request = args.contextValue;
        if (!(request instanceof LiveRequest))
          throw new Error('A subscription reached execution without being prepared');
        return results(engine.open(request.subscription, request.identity), request.socket);
      },
    },
    sockets,
  );
  return {
    async close() {
      closeWebSockets(sockets);
      await server.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
