import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { drainHttpServer, sendGraphQLError, sendJson } from '#platform/http';
import type { Identity } from '#platform/identity';
import { logger } from '#platform/logger';
import {
  graphqlMetricsPlugin,
  recordRateLimitRefusal,
  watchSubscriptions,
} from '#platform/observability/metrics';
import { publicUrl } from '#platform/public-url';
import type { SubgraphName } from '#platform/subgraphs';
import { admit, clientAddress, refusesGetOperation, type Admission } from './admission';
import { IdentityForwardingDataSource } from './apollo/identity-forwarding-data-source';
import { operationSignal } from './apollo/operation-signal';
import { TimeBoundGateway } from './apollo/time-bound-gateway';
import { ApiKeyStore } from './api-keys';
import { CachedApiKeys } from './api-key-cache';
import { AuthenticationError, Authenticator } from './authentication';
import { isCatalogPath, serveCatalog, type ExecuteAsCaller } from './catalog-routes';
import { createGatewayDataSource } from './database';
import { loadDatasetIndex } from './dataset-index';
import { serveDataset, subgraphUrlsFromSupergraph } from './datasets';
import { formatGatewayError, GatewayErrorCode } from './errors';
import { executionOptionsFromEnv, gatewayExecution } from './execution';
import { graphQLRequestHandler, InFlightAnswers } from './execution/shared-answers';
import { SubgraphPools } from './execution/subgraph-pools';
import { createTokenVerifier, jwtSettingsFromEnv } from './jwt';
import { operationLimitsFromEnv, parseOptions } from './limits/config';
import { costLimitPlugin, operationCheckError } from './limits/cost';
import { limitValidationRules } from './limits/rules';
import { countPlanCacheLookups, serveGatewayOperations } from './observability';
import type { GatewayContext, GatewayOptions, RunningGateway } from './options';
import { persistedOperationsFromEnv, persistedOperationsPlugin } from './persisted-operations';
import { RateLimiter, rateLimitConfigFromEnv, rateLimitRefusal } from './rate-limit';
import { ResponseCache } from './response-cache';
import { attachSubscriptions } from './subscriptions';
import { attachWeb } from './web';

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

  const admission: Admission = { authenticator, rateLimiter, trustProxyHops };
  const admitCaller = (request: IncomingMessage, response: ServerResponse) =>
    admit(admission, request, response);

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
    admitCaller(request, response)
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
    admitCaller(request, response)
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
    changes: responseCache,
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
