import { createServer, type Server } from 'node:http';
import type { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { DataSource } from 'typeorm';
import { sendJson } from '#platform/http';
import { logger } from '#platform/logger';
import { commitTimeOf } from '#platform/events/commit-time';
import { databaseCheck, serveOperations, serviceCheck } from '#platform/observability/health';
import {
  metricsEnabled,
  observeEventDelivery,
  observeSubgraphFetch,
  recordCacheLookup,
  serveMetrics,
  watchPool,
} from '#platform/observability/metrics';
import { currentRequest, REQUEST_ID_HEADER } from '#platform/observability/request-context';
import { TIMEOUT_HEADER } from '#platform/observability/statement-timeout';
import { injectTraceContext } from '#platform/observability/tracing';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * A subgraph fetch as operators need it: timed per subgraph and outcome, carrying the request id
 * (every subgraph log line of the request shows it), what remains of the operation's time budget
 * (the subgraph's statement_timeout) and the trace context when tracing is on.
 */
export async function observedSubgraphCall<T>(
  subgraph: string,
  timeoutMs: number,
  given: Record<string, string> | undefined,
  signal: AbortSignal | null | undefined,
  call: (headers: Record<string, string>) => Promise<T>,
  succeeded: (result: T) => boolean,
): Promise<T> {
  const headers = { ...given };
  const request = currentRequest();
  if (request) {
    headers[REQUEST_ID_HEADER] = request.id;
    const remaining = timeoutMs - (performance.now() - request.startedAt);
    headers[TIMEOUT_HEADER] = String(Math.max(1, Math.floor(remaining)));
  }
  injectTraceContext(headers);
  const started = performance.now();
  try {
    const result = await call(headers);
    observeSubgraphFetch(subgraph, succeeded(result) ? 'ok' : 'error', (performance.now() - started) / 1000);
    return result;
  } catch (error) {
    const outcome = signal?.aborted ? 'aborted' : 'error';
    observeSubgraphFetch(subgraph, outcome, (performance.now() - started) / 1000);
    throw error;
  }
}

/** Apollo's data sources' fetches, observed as `observedSubgraphCall` says. */
export function observedFetcher(subgraph: string, timeoutMs: number, fetch: Fetcher): Fetcher {
  return (url, init) =>
    observedSubgraphCall(
      subgraph,
      timeoutMs,
      init?.headers as Record<string, string> | undefined,
      init?.signal as AbortSignal | null | undefined,
      (headers) => fetch(url, { ...init, headers }),
      (response) => response.ok,
    );
}

/**
 * A live event handed to its clients: its lag since the subgraph wrote it, read from the commit
 * time the subgraph sends with it (events of interval subscriptions and replays carry none).
 */
export function observeUpstreamEvent(extensions: unknown): void {
  if (!metricsEnabled) return;
  const event = commitTimeOf(extensions);
  if (event) observeEventDelivery(event.stream, event.committedAt);
}

interface KeyValueCache {
  get(key: string): Promise<unknown>;
}

/**
 * Counts the hits of @apollo/gateway's query-plan cache. The gateway keeps it in a private field
 * and offers no hook; wrapping its `get` costs one counter increment per operation.
 */
export function countPlanCacheLookups(gateway: ApolloGateway): void {
  const store = (gateway as unknown as { queryPlanStore?: KeyValueCache }).queryPlanStore;
  if (!store || !metricsEnabled) return;
  const get = store.get.bind(store);
  store.get = async (key) => {
    const plan = await get(key);
    recordCacheLookup('plan', plan !== undefined);
    return plan;
  };
}

export interface GatewayOperations {
  close(): Promise<void>;
}

/**
 * /health/live, /health/ready (its database and every subgraph ready) and /metrics on the gateway's
 * port, or /metrics alone on `METRICS_PORT` (`METRICS_HOST`, default all interfaces) when set.
 */
export async function serveGatewayOperations(
  server: Server,
  db: DataSource,
  subgraphUrls: Record<string, string | undefined>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<GatewayOperations> {
  watchPool(db);
  const subgraphs = Object.entries(subgraphUrls).flatMap(([name, url]) =>
    url ? [serviceCheck(name, url)] : [],
  );
  const privatePort = env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined;
  serveOperations(server, {
    service: 'gateway',
    checks: [databaseCheck(db), ...subgraphs],
    metrics: privatePort === undefined,
  });
  if (privatePort === undefined || !metricsEnabled) return { close: async () => {} };
  const metricsServer = createServer((request, response) => {
    if ((request.url ?? '/').split('?')[0] === '/metrics') return void serveMetrics(response);
    sendJson(response, 404, { error: 'not found', endpoints: ['/metrics'] });
  });
  await new Promise<void>((resolve) => metricsServer.listen(privatePort, env.METRICS_HOST, resolve));
  logger.info({ port: privatePort }, 'metrics served on their own port');
  return {
    close: () =>
      new Promise<void>((resolve) => {
        metricsServer.closeAllConnections();
        metricsServer.close(() => resolve());
      }),
  };
}
