import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/**
 * The Prometheus metrics of one process (gateway or subgraph), served on its `/metrics`.
 * `METRICS=off` turns every recording into a no-op; `METRICS_PORT` serves the gateway's on a
 * private port instead of the public one. Labels are bounded: operation names beyond
 * `METRICS_MAX_OPERATIONS` distinct ones are counted as `other`.
 */
export const metricsEnabled = process.env.METRICS !== 'off';
export const metricsRegistry = new Registry();
/**
 * The event-loop lag histogram samples every 100 ms, not prom-client's 10: at 10 ms each idle process
 * woke 100 times a second and spent 5 ms of CPU a second on it (0.5 with metrics off), ten processes
 * at rest taking 5 % of this machine and the gateway's live events waiting behind the wakes.
 */
const EVENT_LOOP_SAMPLING_MS = 100;
if (metricsEnabled)
  collectDefaultMetrics({
    register: metricsRegistry,
    prefix: 'ocg_',
    eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLING_MS,
  });

const registers = [metricsRegistry];
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];

const requests = new Counter({
  name: 'ocg_graphql_requests_total',
  help: 'GraphQL operations answered, by service, operation name and outcome code (OK or the first error code)',
  labelNames: ['service', 'operation', 'code'] as const,
  registers,
});
const requestDuration = new Histogram({
  name: 'ocg_graphql_request_duration_seconds',
  help: 'Time from a GraphQL request reaching Apollo to its response, by service and operation name',
  labelNames: ['service', 'operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});
const subgraphFetchDuration = new Histogram({
  name: 'ocg_subgraph_fetch_duration_seconds',
  help: "The gateway's fetches to subgraphs, by subgraph and outcome (ok, error, aborted)",
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});
const cacheLookups = new Counter({
  name: 'ocg_cache_lookups_total',
  help: 'Cache lookups by cache (plan, response, …) and result (hit, miss): hit rate = hit / total',
  labelNames: ['cache', 'result'] as const,
  registers,
});
const rateLimitRefusals = new Counter({
  name: 'ocg_rate_limit_refusals_total',
  help: 'Requests refused by the rate limit (429, RATE_LIMITED), by transport (http, subscription)',
  labelNames: ['transport'] as const,
  registers,
});
const eventLag = new Histogram({
  name: 'ocg_event_delivery_lag_seconds',
  help: 'From the commit of an event to its delivery on a live subscription, by stream',
  labelNames: ['stream'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers,
});
const exportRows = new Counter({
  name: 'ocg_export_rows_total',
  help: 'Rows written by dataset downloads, by dataset and format',
  labelNames: ['dataset', 'format'] as const,
  registers,
});
const exportBytes = new Counter({
  name: 'ocg_export_bytes_total',
  help: 'Bytes written by dataset downloads, by dataset and format',
  labelNames: ['dataset', 'format'] as const,
  registers,
});

const MAX_OPERATIONS = Number(process.env.METRICS_MAX_OPERATIONS ?? 200);
const knownOperations = new Set<string>();

/** The operation's label: its name while fewer than MAX_OPERATIONS are known, `other` after. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (knownOperations.has(name)) return name;
  if (knownOperations.size >= MAX_OPERATIONS || name.length > 100) return 'other';
  knownOperations.add(name);
  return name;
}

/** Counts and times every GraphQL operation an Apollo server answers. */
export function graphqlMetricsPlugin<TContext extends BaseContext>(
  service: string,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      if (!metricsEnabled) return undefined;
      const started = performance.now();
      return {
        async willSendResponse({ request, response, operationName, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const first = errors?.[0] ?? body?.errors?.[0];
          const code = first ? String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK';
          observeGraphQLRequest(
            service,
            operationName ?? request.operationName,
            code,
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}

/** One GraphQL request answered by `service`: its outcome code (`OK` or the first error's) and duration. */
export function observeGraphQLRequest(
  service: string,
  operationName: string | null | undefined,
  code: string,
  seconds: number,
): void {
  if (!metricsEnabled) return;
  const operation = operationLabel(operationName);
  requests.labels(service, operation, code).inc();
  requestDuration.labels(service, operation).observe(seconds);
}

export function observeSubgraphFetch(subgraph: string, outcome: string, seconds: number): void {
  if (metricsEnabled) subgraphFetchDuration.labels(subgraph, outcome).observe(seconds);
}

/** What a cache reports on each lookup (`cache`: plan, response, or the name of another). */
export function recordCacheLookup(cache: string, hit: boolean): void {
  if (metricsEnabled) cacheLookups.labels(cache, hit ? 'hit' : 'miss').inc();
}

export function recordRateLimitRefusal(transport: 'http' | 'subscription'): void {
  if (metricsEnabled) rateLimitRefusals.labels(transport).inc();
}

/** An event delivered live: its lag since commit. Replays of old events (a resume) are not lag. */
export function observeEventDelivery(stream: string, committedAt: Date): void {
  if (!metricsEnabled) return;
  const seconds = (Date.now() - committedAt.getTime()) / 1000;
  if (seconds < 300) eventLag.labels(stream).observe(Math.max(0, seconds));
}

export function recordExport(dataset: string, format: string, rows: number, bytes: number): void {
  if (!metricsEnabled) return;
  exportRows.labels(dataset, format).inc(rows);
  exportBytes.labels(dataset, format).inc(bytes);
}

/**
 * A gauge read when Prometheus scrapes: sources register with `watch` and are held weakly, so a
 * stopped server (tests start many in one process) simply drops out.
 */
function scrapedGauge<T extends object>(
  name: string,
  help: string,
  labelNames: readonly string[],
  read: (source: T, set: (labels: Record<string, string>, value: number) => void) => void,
): (source: T) => void {
  const sources = new Set<WeakRef<T>>();
  new Gauge({
    name,
    help,
    labelNames,
    registers,
    collect() {
      this.reset();
      for (const reference of sources) {
        const source = reference.deref();
        if (!source) sources.delete(reference);
        else read(source, (labels, value) => this.inc(labels, value));
      }
    },
  });
  return (source) => {
    if (metricsEnabled) sources.add(new WeakRef(source));
  };
}

/** The live-subscription counters a gateway's subscription engine keeps. */
export interface LiveSubscriptionCounters {
  clients: number;
  upstreamSubscriptions: number;
  deliveries: number;
}

const watchLiveClients = scrapedGauge<LiveSubscriptionCounters>(
  'ocg_live_clients',
  'Live subscriptions (graphql-ws and SSE) served now',
  [],
  (counters, set) => set({}, counters.clients),
);
const watchGroups = scrapedGauge<LiveSubscriptionCounters>(
  'ocg_subscription_groups',
  'Shared upstream subscriptions open now (one per distinct subscription and identity)',
  [],
  (counters, set) => set({}, counters.upstreamSubscriptions),
);
const deliveries = new Set<WeakRef<LiveSubscriptionCounters>>();
new Counter({
  name: 'ocg_subscription_deliveries_total',
  help: 'Events queued for live clients (one per client per event)',
  registers,
  collect() {
    let total = 0;
    for (const reference of deliveries) {
      const counters = reference.deref();
      if (!counters) deliveries.delete(reference);
      else total += counters.deliveries;
    }
    this.reset();
    this.inc(total);
  },
});

export function watchSubscriptions(counters: LiveSubscriptionCounters): void {
  watchLiveClients(counters);
  watchGroups(counters);
  if (metricsEnabled) deliveries.add(new WeakRef(counters));
}

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The pg pool of a TypeORM data source (its driver's `master`), once initialised. */
function poolOf(db: DataSource): PgPool | undefined {
  return (db.driver as unknown as { master?: PgPool }).master;
}

/** PostgreSQL pool usage of each data source: connections open, idle, and callers waiting for one. */
export const watchPool = scrapedGauge<DataSource>(
  'ocg_db_pool_connections',
  'PostgreSQL pool connections by data source (schema) and state (total, idle, waiting)',
  ['schema', 'state'],
  (db, set) => {
    const pool = poolOf(db);
    if (!pool) return;
    const schema = String((db.options as { schema?: string }).schema ?? 'public');
    set({ schema, state: 'total' }, pool.totalCount);
    set({ schema, state: 'idle' }, pool.idleCount);
    set({ schema, state: 'waiting' }, pool.waitingCount);
  },
);

/** Answers a scrape in Prometheus' text format. */
export async function serveMetrics(response: ServerResponse): Promise<void> {
  const text = await metricsRegistry.metrics();
  response.writeHead(200, { 'content-type': metricsRegistry.contentType });
  response.end(text);
}
