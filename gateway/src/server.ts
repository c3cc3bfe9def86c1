import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GatewayConfig,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { getOperationAST, GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import { drainHttpServer, sendGraphQLError, sendJson } from '#platform/http';
import { encodeIdentity, IDENTITY_HEADER, type Identity } from '#platform/identity';
import { PUBLIC_URL_HEADER, publicUrl } from '#platform/public-url';
import { logger } from '#platform/logger';
import type { SubgraphName } from '#platform/subgraphs';
import { ApiKeyStore } from './api-keys';
import { CachedApiKeys } from './api-key-cache';
import { ResponseCache } from './response-cache';
import { AuthenticationError, Authenticator } from './authentication';
import { createGatewayDataSource } from './database';
import { countPlanCacheLookups, observedFetcher, serveGatewayOperations } from './observability';
import {
  graphqlMetricsPlugin,
  recordRateLimitRefusal,
  watchSubscriptions,
} from '#platform/observability/metrics';
import { formatGatewayError, GatewayErrorCode } from './errors';
import { createTokenVerifier, jwtSettingsFromEnv, type JwtSettings } from './jwt';
import {
  persistedOperationsFromEnv,
  persistedOperationsPlugin,
  type PersistedOperations,
} from './persisted-operations';
import { attachSubscriptions } from './subscriptions';
import { isCatalogPath, serveCatalog, type ExecuteAsCaller } from './catalog-routes';
import { loadDatasetIndex, type DatasetOwner } from './dataset-index';
import { serveDataset, subgraphUrlsFromSupergraph } from './datasets';
import { gatewayExecution, executionOptionsFromEnv, type ExecutionOptions } from './execution';
import { SubgraphPools } from './execution/subgraph-pools';
import { graphQLRequestHandler, InFlightAnswers } from './execution/shared-answers';
import type { Fetcher } from '@apollo/utils.fetcher';
import { attachWeb } from './web';
import { operationLimitsFromEnv, parseOptions, type OperationLimits } from './limits/config';
import { costLimitPlugin, operationCheckError } from './limits/cost';
import { limitValidationRules } from './limits/rules';
import { withOperationTimeout } from './limits/timeout';
import {
  ANONYMOUS_TIER,
  RateLimiter,
  rateLimitConfigFromEnv,
  rateLimitHeaders,
  rateLimitRefusal,
  type RateLimitConfig,
} from './rate-limit';

export interface GatewayContext {
  identity: Identity;
}

/** What a deployment (or a test) may tune; each defaults to its environment variables. */
export interface GatewaySecurityOptions {
  /** `NODE_ENV=production`: introspection, suggestions and the landing page off. */
  production?: boolean;
  /** `false` turns rate limiting off. */
  rateLimit?: RateLimitConfig | false;
  /** Bearer tokens are refused when no key is configured. */
  jwt?: JwtSettings;
  limits?: OperationLimits;
  /** The persisted-operation manifest and mode (`PERSISTED_OPERATIONS`); `false` turns it off. */
  persistedOperations?: PersistedOperations | false;
  /** Reverse proxies in front of the gateway: the client address is this many entries from the right of X-Forwarded-For. */
  trustProxyHops?: number;
  /** Our plan executor and in-flight deduplication (`GATEWAY_PLAN_EXECUTOR`, `GATEWAY_DEDUPLICATION`). */
  execution?: ExecutionOptions;
}

export interface GatewayOptions extends GatewaySecurityOptions {
  /** 0 picks a free port (tests). */
  port: number;
  supergraphSdl: string;
  gatewaySecret: string;
  /** API keys and rate-limit counters live in its `gateway` schema (migrated by prepareDatabase). */
  databaseUrl: string;
  /** Overrides the subgraph URLs written in the supergraph (tests, other hosts). */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** Who exports each dataset of /datasets/…; by default the index `npm run compose` wrote. */
  datasets?: readonly DatasetOwner[];
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: Server;
  stop(): Promise<void>;
}

/** The abort signal of the operation being executed: its subgraph fetches end with it. */
const operationSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * Forwards the caller's verified identity, signed, on every subgraph fetch, and aborts the fetches
 * of an operation that has timed out, so the subgraph sees its request closed and cancels its SQL.
 */
class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string,
    private readonly publicUrl: () => string,
    send: Fetcher,
    subgraph = 'subscription-event',
    timeoutMs = operationLimitsFromEnv().timeoutMs,
  ) {
    super({ url });
    this.fetcher = observedFetcher(subgraph, timeoutMs, (target, init) =>
      send(target, { ...init, signal: operationSignal.getStore() }),
    );
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = context.identity ?? { roles: ['public'] };
    request.http?.headers.set(IDENTITY_HEADER, encodeIdentity(identity, this.gatewaySecret));
    request.http?.headers.set(PUBLIC_URL_HEADER, this.publicUrl());
  }

  /**
   * A subgraph answers 400 when it refuses an argument the gateway cannot check itself (the value
   * of a custom scalar such as DateTime): that is the caller's error, not the gateway's.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const error = await super.errorFromResponse(response);
    const refused = (error.extensions.response as { body?: { errors?: GraphQLFormattedError[] } } | undefined)
      ?.body?.errors?.[0];
    const code = refused?.extensions?.code;
    if (
      response.status !== 400 ||
      !refused ||
      (code !== 'BAD_USER_INPUT' && code !== 'GRAPHQL_VALIDATION_FAILED')
    )
      return error;
    return new GraphQLError(refused.message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

/** The federation gateway with every operation's execution bounded in time, its subgraph fetches included. */
class TimeBoundGateway extends ApolloGateway {
  constructor(
    config: GatewayConfig,
    private readonly timeoutMs: number,
    private readonly execution: ReturnType<typeof gatewayExecution>,
  ) {
    super(config);
  }

  override async load(options?: Parameters<ApolloGateway['load']>[0]): ReturnType<ApolloGateway['load']> {
    const loaded = await super.load(options);
    const bounded = withOperationTimeout(this.execution.executor(loaded.executor), this.timeoutMs);
    return {
      schema: loaded.schema,
      executor: this.execution.shared(async (requestContext) => {
        const operation = new AbortController();
        try {
          return await operationSignal.run(operation.signal, () => bounded(requestContext));
        } finally {
          // After a timeout the plan is still running: whatever it has in flight is given up.
          operation.abort();
        }
      }),
    };
  }
}

function clientAddress(request: IncomingMessage, trustProxyHops: number): string {
  const direct = request.socket.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return direct;
  const header = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return chain[chain.length - trustProxyHops] ?? direct;
}

/**
 * GET may carry only queries. Apollo checks this too, but after validation, so a schema without
 * mutations would answer a validation error instead; refusing first keeps the answer stable.
 */
function refusesGetOperation(request: IncomingMessage, limits: OperationLimits): boolean {
  if (request.method !== 'GET') return false;
  const search = new URL(request.url ?? '/', 'http://localhost').searchParams;
  const query = search.get('query');
  if (!query) return false;
  try {
    const operation = getOperationAST(parse(query, parseOptions(limits)), search.get('operationName'));
    return operation ? operation.operation !== 'query' : false;
  } catch {
    return false; // Apollo answers unparsable documents with its own parse error.
  }
}

/** The one public endpoint: GraphQL over HTTP at /graphql and a health check at /health. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const limits = options.limits ?? operationLimitsFromEnv();
  const rateLimitConfig = options.rateLimit ?? rateLimitConfigFromEnv();
  const jwtSettings = options.jwt ?? jwtSettingsFromEnv();
  const trustProxyHops = options.trustProxyHops ?? Number(process.env.GATEWAY_TRUST_PROXY_HOPS ?? 0);
  const persisted =
    options.persistedOperations === undefined
      ? persistedOperationsFromEnv()
      : options.persistedOperations || undefined;

  const db = createGatewayDataSource(options.databaseUrl);
  await db.initialize();
  const authenticator = new Authenticator(
    new CachedApiKeys(new ApiKeyStore(db)),
    jwtSettings ? await createTokenVerifier(jwtSettings) : undefined,
  );
  const rateLimiter = rateLimitConfig ? new RateLimiter(db, rateLimitConfig) : undefined;
  // Read once listening (port 0 picks one): what the catalog's IRIs and download URLs start with.
  const gatewayUrl = () => publicUrl((httpServer.address() as AddressInfo).port);
  const pools = new SubgraphPools();
  const executionOptions = options.execution ?? executionOptionsFromEnv();
  const execution = gatewayExecution({
    ...executionOptions,
    supergraphSdl: options.supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    gatewaySecret: options.gatewaySecret,
    pools,
    signal: () => operationSignal.getStore(),
    timeoutMs: limits.timeoutMs,
    publicUrl: gatewayUrl,
  });
  const responseCache = await ResponseCache.start(options.supergraphSdl, options.databaseUrl);

  // @apollo/gateway otherwise reports usage to Apollo and probes cloud metadata addresses at
  // start: a city platform on a closed network sends nothing anywhere but to its own subgraphs.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new TimeBoundGateway(
    {
      supergraphSdl: options.supergraphSdl,
      buildService: ({ name, url }) => {
        const target = options.subgraphUrls?.[name as SubgraphName] ?? url;
        if (!target) throw new Error(`No URL for subgraph ${name}`);
        return new IdentityForwardingDataSource(
          target,
          options.gatewaySecret,
          gatewayUrl,
          pools.fetcher(),
          name,
          limits.timeoutMs,
        );
      },
    },
    limits.timeoutMs,
    execution,
  );
  countPlanCacheLookups(gateway);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    // Apollo's defaults, stated because the attack suite relies on them.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: parseOptions(limits),
    validationRules: limitValidationRules(limits),
    plugins: [
      ...(persisted ? [persistedOperationsPlugin(persisted)] : []),
      costLimitPlugin(limits),
      graphqlMetricsPlugin('gateway'),
      ...(responseCache ? [responseCache.plugin<GatewayContext>()] : []),
      // Callers must never obtain federated traces (`ftv1`): they expose timings and internals.
      ApolloServerPluginInlineTraceDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  const answerGraphQL = graphQLRequestHandler(
    apollo,
    (identity) => ({ identity }),
    executionOptions.deduplicate ? new InFlightAnswers(parseOptions(limits)) : undefined,
  );

  /** Authenticates, then counts the request; undefined when it has already been answered (401, 429). */
  const admit = async (request: IncomingMessage, response: ServerResponse): Promise<Identity | undefined> => {
    const address = clientAddress(request, trustProxyHops);
    let caller;
    try {
      caller = await authenticator.authenticate(request.headers, address);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      // Failed attempts draw on the address's budget, which bounds key and token guessing.
      const decision = await rateLimiter?.consume(`ip:${address}`, ANONYMOUS_TIER);
      if (decision && !decision.allowed) return refuseRate(response, rateLimitHeaders(decision));
      sendJson(
        response,
        401,
        { errors: [{ message: error.message, extensions: { code: GatewayErrorCode.Unauthenticated } }] },
        {
          'www-authenticate': 'Bearer',
        },
      );
      return undefined;
    }
    if (rateLimiter) {
      const decision = await rateLimiter.consume(caller.rateLimitSubject, caller.tier);
      const headers = rateLimitHeaders(decision);
      if (!decision.allowed) return refuseRate(response, headers);
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    }
    return caller.identity;
  };

  const subgraphUrls = { ...subgraphUrlsFromSupergraph(options.supergraphSdl), ...options.subgraphUrls };
  const datasets = options.datasets ?? loadDatasetIndex();

  /** The catalog is built from the same `Query.datasets` clients see. */
  const executeAs =
    (identity: Identity): ExecuteAsCaller =>
    async <TData>(query: string, variables?: Record<string, unknown>) => {
      const result = await apollo.executeOperation<TData>(
        { query, variables },
        { contextValue: { identity } },
      );
      const body = result.body.kind === 'single' ? result.body.singleResult : undefined;
      return body?.data && !body.errors ? body.data : undefined;
    };

  /** Exports and the catalog: authenticated and rate-limited like GraphQL. */
  const serveData = (request: IncomingMessage, response: ServerResponse, path: string) => {
    admit(request, response)
      .then((identity) => {
        if (!identity) return undefined;
        if (isCatalogPath(path)) return serveCatalog(request, response, executeAs(identity), gatewayUrl());
        return serveDataset(request, response, identity, {
          subgraphUrls,
          datasets,
          gatewaySecret: options.gatewaySecret,
        });
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'dataset request failed');
        if (!response.headersSent) sendJson(response, 500, { error: 'Internal server error' });
        else response.destroy();
      });
  };

  const httpServer = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (isCatalogPath(path) || path.startsWith('/datasets/')) return serveData(request, response, path);
    if (path !== '/graphql')
      return sendJson(response, 404, {
        error: 'not found',
        endpoints: [
          '/graphql',
          '/graphql/stream',
          '/health',
          '/catalog',
          '/catalog.jsonld',
          '/catalog.ttl',
          '/datasets/<id>',
          '/datasets/<id>.<format>',
        ],
      });
    if (refusesGetOperation(request, limits)) {
      response.setHeader('allow', 'POST');
      return sendGraphQLError(
        response,
        405,
        GatewayErrorCode.MethodNotAllowed,
        'GET requests may only carry queries: send mutations and subscriptions with POST',
      );
    }
    admit(request, response)
      .then((identity) => identity && answerGraphQL(request, response, identity))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'gateway request failed');
        if (!response.headersSent)
          sendGraphQLError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        else response.end();
      });
  });
  const subscriptions = attachSubscriptions(httpServer, {
    supergraphSdl: options.supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    gatewaySecret: options.gatewaySecret,
    dataSource: (url) =>
      new IdentityForwardingDataSource(url, options.gatewaySecret, gatewayUrl, pools.fetcher()),
    prepare: {
      resolveQuery: persisted && ((request) => persisted.resolve(request)),
      hideSchemaDetails: production,
      parseOptions: parseOptions(limits),
      validationRules: limitValidationRules(limits),
      operationCheck: (schema, document, operation, variables) =>
        operationCheckError(schema, document, operation, variables, limits),
    },
    authenticate: (headers, request) =>
      authenticator.authenticate(headers, clientAddress(request, trustProxyHops)),
    isRefusal: (error): error is AuthenticationError => error instanceof AuthenticationError,
    admit:
      rateLimiter && rateLimitConfig
        ? async (caller) => {
            const decision = await rateLimiter.consume(caller.rateLimitSubject, caller.tier);
            if (decision.allowed) return undefined;
            recordRateLimitRefusal('subscription');
            return rateLimitRefusal(decision, caller.tier, rateLimitConfig.windowSeconds);
          }
        : undefined,
  });
  watchSubscriptions(subscriptions.metrics);
  const operations = await serveGatewayOperations(httpServer, db, subgraphUrls);
  attachWeb(httpServer, { supergraphSdl: options.supergraphSdl, production });
  await new Promise<void>((resolve) => httpServer.listen(options.port, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    httpServer,
    async stop() {
      // Refuse new requests first, end live streams (1001, SSE end), finish what is in flight.
      const drained = drainHttpServer(httpServer);
      await subscriptions.close();
      await drained;
      await operations.close();
      await apollo.stop();
      await pools.close();
      await responseCache?.close();
      await rateLimiter?.close();
      await db.destroy();
    },
  };
}

function refuseRate(response: ServerResponse, headers: Record<string, string>): undefined {
  recordRateLimitRefusal('http');
  const message = `Rate limit exceeded: retry in ${headers['Retry-After']} s`;
  sendJson(
    response,
    429,
    { errors: [{ message, extensions: { code: GatewayErrorCode.RateLimited } }] },
    headers,
  );
  return undefined;
}
