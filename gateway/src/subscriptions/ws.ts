import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql/index.js';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeWebSockets } from '../../../platform/src/http';
import type { Identity } from '../../../platform/src/identity';
import { SlowConsumerError, type ClientStream } from './client-stream';
import type { SubscriptionEngine } from './engine';
import type { PreparedSubscription } from './operation';

export type Authenticate = (headers: IncomingHttpHeaders, request: IncomingMessage) => Promise<Identity>;
/** Tells a refusal meant for the caller (bad key, expired token) from a failure of the gateway. */
export type IsRefusal = (error: unknown) => error is Error;

/** WebSocket close code for a client closed because it read too slowly (it may reconnect with `after`). */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;

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
  authenticate: Authenticate,
  isRefusal: IsRefusal,
): { close(): Promise<void> } {
  const sockets = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const identities = new WeakMap<WebSocket, Identity>();
  const server = useServer(
    {
      onConnect: async (context) => {
        try {
          identities.set(
            context.extra.socket,
            await authenticate(
              credentials(context.extra.request, context.connectionParams),
              context.extra.request,
            ),
          );
          return true;
        } catch (error) {
          if (!isRefusal(error)) throw error;
          context.extra.socket.close(4401, reason(error.message));
          return false;
        }
      },
      onSubscribe: (context, _id, payload) => {
        const identity = identities.get(context.extra.socket);
        if (!identity)
          return [
            new GraphQLError('Unauthenticated connection', { extensions: { code: 'UNAUTHENTICATED' } }),
          ];
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
