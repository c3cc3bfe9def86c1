import { AsyncResource } from 'node:async_hooks';
import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';
// graphql's CommonJS entry, the copy @apollo/* and graphql-ws load: a bundler or test runner that
// resolves bare 'graphql' to its ESM build would make two copies, which graphql refuses to mix.
import type { ExecutionResult, GraphQLSchema } from 'graphql/index.js';
import type { FormattedExecutionResult } from 'graphql-ws';
import { encodeIdentity, IDENTITY_HEADER, type Identity } from '#platform/identity';
import type { ClientStream } from './client-stream';
import { EventEntityAnswers, type ChangeNotifications } from './entity-answers';
import {
  POSITION_ALIAS,
  prepareSubscription,
  type SubscriptionRequest,
  type Prepared,
  type PrepareOptions,
  type PreparedSubscription,
} from './operation';
import {
  SubscriptionGroup,
  toGraphQLErrors,
  type GroupEngine,
  type SubscriptionMetrics,
} from './subscription-group';

export type { SubscriptionMetrics } from './subscription-group';

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
  /**
   * The subgraphs' committed changes (the response cache's notifications): with them, the answers of
   * the fetches that resolve events in other subgraphs are kept until those change. Without them
   * (a foreign supergraph, the response cache off) every event fetches.
   */
  changes?: ChangeNotifications;
}

/** The service name under which each upstream event enters the query plan as if fetched. */
const EVENT_SOURCE = '__subscription_event__';
const PLAN_CACHE_SIZE = 1000;
/** Prepared subscriptions kept, so that a thousand dashboards with one query share one document. */
const PREPARED_CACHE_SIZE = 1000;
/** Longer requests are prepared each time rather than kept (the cache must not hold megabytes). */
const PREPARED_CACHE_MAX_KEY = 16_384;

function identityKey(identity: Identity): string {
  return JSON.stringify([[...identity.roles].sort(), identity.subject ?? null]);
}

/**
 * Serves subscriptions for a federated graph that @apollo/gateway cannot execute: it plans each
 * operation with the query planner, takes its events from the owning subgraph over graphql-ws
 * and resolves the rest of the plan (fields of other subgraphs) for each event with the gateway's
 * own executeQueryPlan and data sources. Clients with the same operation, variables and identity
 * share one upstream subscription and one resolution per event.
 */
export class SubscriptionEngine implements GroupEngine {
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
  /** Each subgraph's data source, counted; `sources` adds the kept answers for fetches of events. */
  private readonly fetching: ServiceMap = {};
  private readonly sources: ServiceMap = {};
  private readonly plans = new Map<string, SubscriptionNode>();
  private readonly groups = new Map<string, Set<SubscriptionGroup>>();
  private readonly prepared = new Map<string, Prepared>();
  /**
   * The async context the engine was made in (the gateway's start): groups run their upstream and
   * resolve their events there, not in the request of whichever subscriber opened them. An SSE
   * request's scope would otherwise stay with the group for good, and every later event's fetches
   * carry that request's id and what is left of its time budget: past the operation timeout, 1 ms
   * for each subgraph statement, and an event whose statement took longer reached no subscriber.
   */
  private readonly outsideRequests = new AsyncResource('SubscriptionEngine');
  /** The newest position of each subgraph's event log a live event has shown this process. */
  private readonly logPositions = new Map<string, bigint>();

  constructor(private readonly options: EngineOptions) {
    const supergraph = Supergraph.build(options.supergraphSdl);
    this.api = supergraph.apiSchema();
    this.apiSchema = this.api.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
    const answers = options.changes && new EventEntityAnswers(options.changes);
    for (const subgraph of supergraph.subgraphs().values()) {
      const url = options.subgraphUrls?.[subgraph.name] ?? subgraph.url;
      this.urls.set(subgraph.name, url);
      const source = options.dataSource(url);
      const fetching: GraphQLDataSource = {
        process: (request) => {
          this.metrics.entityFetches += 1;
          return source.process(request);
        },
      };
      this.fetching[subgraph.name] = fetching;
      this.sources[subgraph.name] = answers
        ? { process: (request) => answers.answer(subgraph.name, request, () => fetching.process(request)) }
        : fetching;
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
      this.outsideRequests.runInAsyncScope(group.connect, group);
    }
    group.join(client, resume);
  }

  logReached(serviceName: string, position: bigint): void {
    if (position > (this.logPositions.get(serviceName) ?? -1n)) this.logPositions.set(serviceName, position);
  }

  hasLogReached(serviceName: string, position: bigint): boolean {
    return position <= (this.logPositions.get(serviceName) ?? -1n);
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
    const owner = group.plan.primary.serviceName;
    const serviceMap: ServiceMap = {
      ...this.sources,
      // The event's own subgraph has just changed: what it answers is never taken from before.
      [owner]: this.fetching[owner],
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
