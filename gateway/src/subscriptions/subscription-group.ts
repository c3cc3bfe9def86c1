import { buildOperationContext } from '@apollo/gateway';
import type { SubscriptionNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext, GatewaySchemaHash } from '@apollo/server-gateway-interface';
// graphql's CommonJS entry, the copy @apollo/* and graphql-ws load (see engine.ts).
import {
  GraphQLError,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql/index.js';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { formatError } from '#platform/errors';
import { commitTimeOf } from '#platform/events/commit-time';
import type { Identity } from '#platform/identity';
import { logger } from '#platform/logger';
import type { ClientStream } from './client-stream';
import { POSITION_ALIAS, RESUME_VARIABLE, type PreparedSubscription } from './operation';
import { SharedEvent } from './shared-event';
import { observeUpstreamEvent } from '../observability';

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

/** What a group needs from the engine that made it (the engine imports the group, not the reverse). */
export interface GroupEngine {
  readonly apiSchema: GraphQLSchema;
  readonly metrics: SubscriptionMetrics;
  /** Recent events a group keeps to replay to clients resuming on it. */
  readonly replayBuffer: number;
  upstreamUrl(serviceName: string): string;
  upstreamConnectionParams(identity: Identity): Record<string, string>;
  /** A live event of the subgraph's event log came through: the log has reached `position`. */
  logReached(serviceName: string, position: bigint): void;
  /** Whether the subgraph's event log is known to have reached `position` (see `logReached`). */
  hasLogReached(serviceName: string, position: bigint): boolean;
  /** Resolves one upstream event through the rest of the group's plan. */
  resolve(
    group: SubscriptionGroup,
    event: FormattedExecutionResult<Record<string, unknown>, unknown>,
  ): Promise<ExecutionResult>;
}

const RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];

/** Errors as a client reads them (the gateway's formatting), as GraphQLErrors to hand on. */
export function toGraphQLErrors(errors: readonly GraphQLFormattedError[]): GraphQLError[] {
  return errors.map((error) => {
    const formatted = formatError(error);
    return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions });
  });
}

/**
 * One upstream subscription and the clients it feeds. It processes events one at a time, in
 * order; remembers the last position so an upstream reconnect resumes there (the log replays,
 * duplicates are dropped); and keeps recent results to replay to clients resuming on it.
 */
export class SubscriptionGroup {
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
    private readonly engine: GroupEngine,
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

  /**
   * Whether a client resuming after `position` can be served here: from `coveredFrom` up to the
   * last event, or past it as far as the subgraph's log is known to have reached (a live event of
   * another group came through at or after it, so it is a real position, not a future one the
   * subgraph would refuse): every later event of this group is still to come. A filtered feed
   * started after the position a client read with its state (a dashboard's alert counts, whose
   * last event lags the log) then shares the stream of the clients before it.
   */
  canResume(position: bigint): boolean {
    if (this.closed || this.coveredFrom === undefined || position < this.coveredFrom) return false;
    return (
      position <= (this.lastPosition ?? this.coveredFrom) ||
      this.engine.hasLogReached(this.plan.primary.serviceName, position)
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
    // Only log events carry their commit time: an interval feed's eventId is a time, not a position.
    if (commitTimeOf(event.extensions)) this.engine.logReached(this.plan.primary.serviceName, at);
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
    observeUpstreamEvent(event.extensions);
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
