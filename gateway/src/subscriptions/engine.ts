import {
  buildOperationContext,
  executeQueryPlan,
  type GraphQLDataSource,
  type ServiceMap,
} from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext, GatewaySchemaHash } from '@apollo/server-gateway-interface';
// graphql's CommonJS entry, the copy @apollo/* and graphql-ws load: a bundler or test runner that
// resolves bare 'graphql' to its ESM build would make two copies, which graphql refuses to mix.
import {
  GraphQLError,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql/index.js';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { formatError } from '../../../platform/src/errors';
import { encodeIdentity, IDENTITY_HEADER, type Identity } from '../../../platform/src/identity';
import { logger } from '../../../platform/src/logger';
import type { ClientStream } from './client-stream';
import {
  POSITION_ALIAS,
  prepareSubscription,
  type SubscriptionRequest,
  RESUME_VARIABLE,
  type Prepared,
  type PrepareOptions,
  type PreparedSubscription,
} from './operation';
import { SharedEvent } from './shared-event';

/** What tests and the benchmark read to prove the fan-out shares work. */
export interface SubscriptionMetrics {
  /** Upstream subscriptions open now (one per distinct subscription and resume lane). */
  upstreamSubscriptions: number;
  upstreamSubscriptionsOpened: number;
  /** Events received from the owning subgraphs (each resolved once, whatever the client count). */
  upstreamEvents: number;
  /** Fetches to other subgraphs made to resolve those events. */
  entityFetches: number;
  clients: number;
  /** Events written to clients (one per client per event). */
  deliveries: number;
  /** Events serialized for clients: once per event and group, whatever the client count. */
  serializations: number;
  /** Batches written to client connections: one per connection and event-loop turn, however many events. */
  writes: number;
}

export interface EngineOptions {
  supergraphSdl: string;
  /** Overrides the subgraph URLs written in the supergraph, like the gateway's own option. */
  subgraphUrls?: Partial<Record<string, string>>;
  gatewaySecret: string;
  /** The gateway's data source for a subgraph: it forwards the caller's signed identity. */
  dataSource(url: string): GraphQLDataSource;
  prepare?: PrepareOptions;
  /** Events a client may have waiting before it is closed as too slow (`SUBSCRIPTION_CLIENT_BUFFER`, 1000). */
  clientBuffer?: number;
  /** Recent events a shared stream keeps to replay to clients resuming on it (`SUBSCRIPTION_REPLAY_BUFFER`, 1000). */
  replayBuffer?: number;
}

/** The service name under which each upstream event enters the query plan as if fetched. */
const EVENT_SOURCE = '__subscription_event__';
const RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];
const PLAN_CACHE_SIZE = 1000;
/** Prepared subscriptions kept, so that a thousand dashboards with one query share one document. */
const PREPARED_CACHE_SIZE = 1000;
/** Longer requests are prepared each time rather than kept (the cache must not hold megabytes). */
const PREPARED_CACHE_MAX_KEY = 16_384;

function identityKey(identity: Identity): string {
  return JSON.stringify([[...identity.roles].sort(), identity.subject ?? null]);
}

function toGraphQLErrors(errors: readonly GraphQLFormattedError[]): GraphQLError[] {
  return errors.map((error) => {
    const formatted = formatError(error);
    return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions });
  });
}

/**
 * Serves subscriptions for a federated graph that @apollo/gateway cannot execute: it plans each
 * operation with the query planner, takes its events from the owning subgraph over graphql-ws
 * and resolves the rest of the plan (fields of other subgraphs) for each event with the gateway's
 * own executeQueryPlan and data sources. Clients with the same operation, variables and identity
 * share one upstream subscription and one resolution per event.
 */
export class SubscriptionEngine {
  readonly apiSchema: GraphQLSchema;
  readonly metrics: SubscriptionMetrics = {
    upstreamSubscriptions: 0,
    upstreamSubscriptionsOpened: 0,
    upstreamEvents: 0,
    entityFetches: 0,
    clients: 0,
    deliveries: 0,
    serializations: 0,
    writes: 0,
  };
  readonly clientBuffer: number;
  readonly replayBuffer: number;
  private readonly api: Schema;
  private readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly urls = new Map<string, string>();
  private readonly sources: ServiceMap = {};
  private readonly plans = new Map<string, SubscriptionNode>();
  private readonly groups = new Map<string, Set<SubscriptionGroup>>();
  private readonly prepared = new Map<string, Prepared>();

  constructor(private readonly options: EngineOptions) {
    const supergraph = Supergraph.build(options.supergraphSdl);
    this.api = supergraph.apiSchema();
    this.apiSchema = this.api.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
    for (const subgraph of supergraph.subgraphs().values()) {
      const url = options.subgraphUrls?.[subgraph.name] ?? subgraph.url;
      this.urls.set(subgraph.name, url);
      const source = options.dataSource(url);
      this.sources[subgraph.name] = {
        process: (request) => {
          this.metrics.entityFetches += 1;
          return source.process(request);
        },
      };
    }
    this.clientBuffer = options.clientBuffer ?? Number(process.env.SUBSCRIPTION_CLIENT_BUFFER ?? 1000);
    this.replayBuffer = options.replayBuffer ?? Number(process.env.SUBSCRIPTION_REPLAY_BUFFER ?? 1000);
  }

  /** Validates a request, or finds it validated already: the result depends on the request alone. */
  prepare(request: SubscriptionRequest): Prepared {
    const key = JSON.stringify([request.query, request.operationName, request.variables, request.extensions]);
    const cached = this.prepared.get(key);
    if (cached) return cached;
    const prepared = prepareSubscription(this.apiSchema, request, this.options.prepare);
    if (prepared.ok && key.length <= PREPARED_CACHE_MAX_KEY) {
      if (this.prepared.size >= PREPARED_CACHE_SIZE)
        this.prepared.delete(this.prepared.keys().next().value as string);
      this.prepared.set(key, prepared);
    }
    return prepared;
  }

  /** Joins a client to a shared upstream that can serve its resume point, or to a new one. */
  open(subscription: PreparedSubscription, identity: Identity, client: ClientStream): void {
    const key = JSON.stringify([subscription.shareKey, identityKey(identity)]);
    const resume =
      subscription.after !== undefined && /^\d{1,19}$/.test(subscription.after)
        ? BigInt(subscription.after)
        : undefined;
    const lanes = this.groups.get(key) ?? new Set<SubscriptionGroup>();
    this.groups.set(key, lanes);
    let group = [...lanes].find((candidate) =>
      subscription.after === undefined ? true : resume !== undefined && candidate.canResume(resume),
    );
    if (!group) {
      group = new SubscriptionGroup(this, subscription, identity, this.plan(subscription), (closed) => {
        lanes.delete(closed);
        if (lanes.size === 0 && this.groups.get(key) === lanes) this.groups.delete(key);
      });
      lanes.add(group);
      group.connect();
    }
    group.join(client, resume);
  }

  async close(): Promise<void> {
    for (const lanes of this.groups.values()) for (const group of lanes) group.close();
    this.groups.clear();
  }

  upstreamUrl(serviceName: string): string {
    const url = this.urls.get(serviceName);
    if (!url) throw new Error(`No URL for subgraph ${serviceName}`);
    return url.replace(/^http/, 'ws');
  }

  upstreamConnectionParams(identity: Identity): Record<string, string> {
    return { [IDENTITY_HEADER]: encodeIdentity(identity, this.options.gatewaySecret) };
  }

  /** Resolves one upstream event through the rest of the plan: the fields other subgraphs own. */
  async resolve(
    group: SubscriptionGroup,
    event: FormattedExecutionResult<Record<string, unknown>, unknown>,
  ): Promise<ExecutionResult> {
    const primary: PlanNode = { ...group.plan.primary, serviceName: EVENT_SOURCE };
    const node: PlanNode = group.plan.rest
      ? { kind: 'Sequence', nodes: [primary, group.plan.rest] }
      : primary;
    const serviceMap: ServiceMap = {
      ...this.sources,
      // Field errors of the event (e.g. FORBIDDEN on a personal field) reach the client with it.
      [EVENT_SOURCE]: { process: async () => ({ data: event.data ?? undefined, errors: event.errors }) },
    };
    const result = await executeQueryPlan(
      { kind: 'QueryPlan', node },
      serviceMap,
      group.requestContext,
      group.operationContext,
      this.supergraphSchema,
      this.api,
    );
    const root = result.data?.[group.subscription.responseKey] as Record<string, unknown> | undefined | null;
    if (root) delete root[POSITION_ALIAS];
    return {
      data: result.data ?? null,
      ...(result.errors ? { errors: toGraphQLErrors(result.errors.map((error) => error.toJSON())) } : {}),
    };
  }

  private plan(subscription: PreparedSubscription): SubscriptionNode {
    const cached = this.plans.get(subscription.shareKey);
    if (cached) return cached;
    const operation = operationFromDocument(this.api, subscription.document, {
      operationName: subscription.operationName,
    });
    const plan = this.planner.buildQueryPlan(operation).node;
    if (plan?.kind !== 'Subscription') throw new Error('The query planner did not plan a subscription');
    if (this.plans.size >= PLAN_CACHE_SIZE) this.plans.delete(this.plans.keys().next().value as string);
    this.plans.set(subscription.shareKey, plan);
    return plan;
  }
}

/**
 * One upstream subscription and the clients it feeds. It processes events one at a time, in
 * order; remembers the last position so an upstream reconnect resumes there (the log replays,
 * duplicates are dropped); and keeps recent results to replay to clients resuming on it.
 */
class SubscriptionGroup {
  readonly requestContext: GatewayGraphQLRequestContext;
  readonly operationContext: ReturnType<typeof buildOperationContext>;
  private readonly clients = new Set<ClientStream>();
  private readonly replay: SharedEvent[] = [];
  private lastPosition?: bigint;
  /** Clients resuming after a position from here on can be served from `replay` and live events. */
  private coveredFrom?: bigint;
  private upstream?: Client;
  private unsubscribe?: () => void;
  private chain: Promise<void> = Promise.resolve();
  private attempts = 0;
  private closed = false;

  constructor(
    private readonly engine: SubscriptionEngine,
    readonly subscription: PreparedSubscription,
    private readonly identity: Identity,
    readonly plan: SubscriptionNode,
    private readonly onClosed: (group: SubscriptionGroup) => void,
  ) {
    if (subscription.after !== undefined && /^\d{1,19}$/.test(subscription.after))
      this.coveredFrom = BigInt(subscription.after);
    this.operationContext = buildOperationContext({
      schema: engine.apiSchema,
      operationDocument: subscription.document,
      operationName: subscription.operationName,
    });
    // executeQueryPlan reads the variables, the context (the identity the data sources forward) and metrics.
    this.requestContext = {
      request: { variables: subscription.variables, operationName: subscription.operationName },
      context: { identity },
      logger: {
        debug: () => {},
        info: () => {},
        warn: (message) => logger.warn(String(message)),
        error: (message) => logger.error(String(message)),
      },
      schema: engine.apiSchema,
      schemaHash: '' as GatewaySchemaHash,
      cache: { get: async () => undefined, set: async () => {}, delete: async () => true },
      queryHash: subscription.shareKey,
      document: subscription.document,
      source: '',
      operationName: subscription.operationName ?? null,
      operation: this.operationContext.operation,
      metrics: {},
      overallCachePolicy: undefined,
    };
  }

  canResume(position: bigint): boolean {
    return (
      !this.closed &&
      this.coveredFrom !== undefined &&
      position >= this.coveredFrom &&
      position <= (this.lastPosition ?? this.coveredFrom)
    );
  }

  join(client: ClientStream, resume: bigint | undefined): void {
    this.clients.add(client);
    client.leave = () => this.leave(client);
    this.engine.metrics.clients += 1;
    if (resume !== undefined) {
      client.cursor = resume;
      for (const event of this.replay) this.deliver(client, event, true);
    }
  }

  connect(): void {
    if (this.closed) return;
    const primary = this.plan.primary;
    const variables: Record<string, unknown> = {};
    for (const name of primary.variableUsages ?? []) variables[name] = this.subscription.variables[name];
    variables[RESUME_VARIABLE] = this.lastPosition?.toString() ?? this.subscription.after ?? null;
    const upstream = createClient({
      url: this.engine.upstreamUrl(primary.serviceName),
      webSocketImpl: WebSocket,
      connectionParams: this.engine.upstreamConnectionParams(this.identity),
      retryAttempts: 0,
      lazy: true,
      lazyCloseTimeout: 0,
    });
    this.upstream = upstream;
    this.engine.metrics.upstreamSubscriptions += 1;
    this.engine.metrics.upstreamSubscriptionsOpened += 1;
    this.unsubscribe = upstream.subscribe<Record<string, unknown>>(
      { query: primary.operation, operationName: primary.operationName, variables },
      {
        next: (event) => this.serially(() => this.receive(event)),
        error: (error) => this.serially(async () => this.upstreamFailed(error)),
        complete: () => this.serially(async () => this.upstreamFailed(undefined)),
      },
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.disconnect();
    for (const client of [...this.clients]) client.end();
    this.onClosed(this);
  }

  private leave(client: ClientStream): void {
    if (!this.clients.delete(client)) return;
    this.engine.metrics.clients -= 1;
    // The upstream closes with its last client: nothing is kept running for nobody.
    if (this.clients.size === 0) this.close();
  }

  /** Each position once per client, in order: replays and upstream reconnects bring none twice. */
  private deliver(client: ClientStream, event: SharedEvent, replayed = false): void {
    if (client.cursor !== undefined && event.position <= client.cursor) return;
    client.cursor = event.position;
    client.deliver(event, replayed);
    this.engine.metrics.deliveries += 1;
  }

  private serially(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((error: unknown) => {
      logger.error({ err: error }, 'subscription event failed');
      this.fail([
        new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      ]);
    });
  }

  private async receive(event: FormattedExecutionResult<Record<string, unknown>, unknown>): Promise<void> {
    if (this.closed) return;
    const root = event.data?.[this.subscription.responseKey] as Record<string, unknown> | null | undefined;
    const position = root?.[POSITION_ALIAS];
    if (typeof position !== 'string') {
      // No event, only errors: the subgraph refused the subscription (bad argument, resume point…).
      this.fail(toGraphQLErrors(event.errors ?? [{ message: 'The subscription ended upstream' }]));
      return;
    }
    const at = BigInt(position);
    if (this.lastPosition !== undefined && at <= this.lastPosition) return; // replayed after a reconnect
    this.engine.metrics.upstreamEvents += 1;
    const result = await this.engine.resolve(this, event);
    if (this.closed) return;
    this.lastPosition = at;
    this.attempts = 0;
    this.coveredFrom ??= at;
    // Serialized once here; every client's transport writes these bytes.
    const shared = SharedEvent.of(at, result);
    this.engine.metrics.serializations += 1;
    this.replay.push(shared);
    if (this.replay.length > this.engine.replayBuffer) {
      const evicted = this.replay.shift();
      if (evicted && evicted.position > (this.coveredFrom ?? 0n)) this.coveredFrom = evicted.position;
    }
    for (const client of this.clients) this.deliver(client, shared);
  }

  /** GraphQL errors end the stream for its clients; a lost connection is re-established where it stood. */
  private upstreamFailed(error: unknown): void {
    if (this.closed) return;
    if (Array.isArray(error)) {
      this.fail(toGraphQLErrors(error as GraphQLFormattedError[]));
      return;
    }
    this.disconnect();
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempts, RECONNECT_DELAYS_MS.length - 1)];
    this.attempts += 1;
    logger.warn(
      { service: this.plan.primary.serviceName, delay, resumeAfter: this.lastPosition?.toString() },
      'upstream subscription lost; reconnecting',
    );
    setTimeout(() => this.connect(), delay).unref();
  }

  private fail(errors: GraphQLError[]): void {
    if (this.closed) return;
    const clients = [...this.clients];
    this.closed = true;
    this.disconnect();
    for (const client of clients) client.end({ errors });
    this.onClosed(this);
  }

  private disconnect(): void {
    if (!this.upstream) return;
    this.unsubscribe?.();
    void this.upstream.dispose();
    this.upstream = undefined;
    this.unsubscribe = undefined;
    this.engine.metrics.upstreamSubscriptions -= 1;
  }
}
