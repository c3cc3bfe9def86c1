import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { sendGraphQLError, sendJson } from '#platform/http';
import { logger } from '#platform/logger';
import { SubscriptionEngine, type EngineOptions, type SubscriptionMetrics } from './engine';
import { handleEventStream } from './sse';
import { serveGraphQLWs, type LiveTransportOptions } from './ws';

export type { SubscriptionMetrics } from './engine';

/** `authenticate` is the gateway's own: subscriptions see exactly the identity a query would. */
export interface SubscriptionServerOptions extends EngineOptions, LiveTransportOptions {}

export interface SubscriptionServer {
  metrics: SubscriptionMetrics;
  close(): Promise<void>;
}

const servers = new WeakMap<Server, SubscriptionServer>();

/** The subscription server attached to a gateway's HTTP server (tests and the benchmark read its metrics). */
export function subscriptionServerOf(httpServer: Server): SubscriptionServer | undefined {
  return servers.get(httpServer);
}

/**
 * Adds live subscriptions to a gateway's HTTP server: graphql-ws on /graphql (upgrades only, so
 * HTTP queries are untouched) and SSE on /graphql/stream, routed ahead of the gateway's own
 * request handler. `close()` ends every client and upstream subscription.
 */
export function attachSubscriptions(
  httpServer: Server,
  options: SubscriptionServerOptions,
): SubscriptionServer {
  const engine = new SubscriptionEngine(options);
  const ws = serveGraphQLWs(httpServer, engine, options);
  const handlers = httpServer.listeners('request') as ((
    request: IncomingMessage,
    response: ServerResponse,
  ) => void)[];
  httpServer.removeAllListeners('request');
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    // Opt-in (`SUBSCRIPTION_METRICS=on`): the fan-out benchmark reads a separate gateway process's counters.
    if (path === '/graphql/stream/metrics' && process.env.SUBSCRIPTION_METRICS === 'on') {
      sendJson(response, 200, engine.metrics);
      return;
    }
    if (path !== '/graphql/stream') {
      for (const handler of handlers) handler.call(httpServer, request, response);
      return;
    }
    handleEventStream(request, response, engine, options).catch((error: unknown) => {
      logger.error({ err: error }, 'event stream failed');
      if (!response.headersSent)
        sendGraphQLError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.end();
    });
  });
  const server: SubscriptionServer = {
    metrics: engine.metrics,
    async close() {
      servers.delete(httpServer);
      await engine.close();
      await ws.close();
    },
  };
  servers.set(httpServer, server);
  return server;
}
