import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { formatError } from '../../platform/src/errors';
import { handleGraphQLRequest, sendGraphQLError, sendJson } from '../../platform/src/http';
import { encodeIdentity, identityFromHeaders, IDENTITY_HEADER, type Identity } from '../../platform/src/identity';
import { logger } from '../../platform/src/logger';
import type { SubgraphName } from '../../platform/src/subgraphs';

export interface GatewayContext {
  identity: Identity;
}

export interface GatewayOptions {
  /** 0 picks a free port (tests). */
  port: number;
  supergraphSdl: string;
  gatewaySecret: string;
  /** Overrides the subgraph URLs written in the supergraph (tests, other hosts). */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  production?: boolean;
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: Server;
  stop(): Promise<void>;
}

/** Forwards the caller's verified identity, signed, on every subgraph fetch. */
class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = context.identity ?? { roles: ['public'] };
    request.http?.headers.set(IDENTITY_HEADER, encodeIdentity(identity, this.gatewaySecret));
  }
}

/** The one public endpoint: GraphQL over HTTP at /graphql and a health check at /health. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name as SubgraphName] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}`);
      return new IdentityForwardingDataSource(target, options.gatewaySecret);
    },
  });
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    plugins: production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();

  const httpServer = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/health') return sendJson(response, 200, { status: 'ok' });
    if (path !== '/graphql') return sendJson(response, 404, { error: 'not found', endpoints: ['/graphql', '/health'] });
    const identity = identityFromHeaders(request.headers);
    handleGraphQLRequest(apollo, request, response, async () => ({ identity })).catch((error: unknown) => {
      logger.error({ err: error }, 'gateway request failed');
      if (!response.headersSent) sendGraphQLError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.end();
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(options.port, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    httpServer,
    async stop() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
