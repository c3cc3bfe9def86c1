import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { LoaderRegistry, type BaseContext } from './context';
import { createServiceDataSource } from './database';
import { runForRequest } from './request-binding';
import { serveLiveEvents } from './events/server';
import { streamExport } from './exports/stream';
import { readEventPositionsFirst } from './events/position';
import { SubgraphGraphQLHandler } from './graphql-handler';
import { drainHttpServer, sendGraphQLError, sendJson } from './http';
import { identityDecoder, IDENTITY_HEADER } from './identity';
import { forwardedPublicUrl } from './public-url';
import { logger } from './logger';
import { brokerCheck, databaseCheck, serveOperations } from './observability/health';
import { observeGraphQLRequest, watchPool } from './observability/metrics';
import { requestDeadline } from './observability/statement-timeout';
import type { DatasetDefinition } from './exports/definition';
import type { SubgraphDefinition } from './subgraph';
import type { SubgraphName } from './subgraphs';

export interface SubgraphRuntimeOptions {
  databaseUrl: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Shared with the gateway: requests without an identity signed with it are refused. */
  gatewaySecret: string;
  /** The platform's whole catalog, for the subgraph that describes it (territory's `datasets`). */
  catalog?: readonly DatasetDefinition[];
}

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  port: number;
  db: DataSource;
  schema: GraphQLSchema;
  httpServer: Server;
  stop(): Promise<void>;
}

/**
 * Serves one subgraph on loopback. It answers only the gateway: every GraphQL request must carry
 * the caller's identity signed with the gateway's secret, which also keeps `_entities`, `_service`
 * and traces away from anyone else.
 */
export async function startSubgraph(
  definition: SubgraphDefinition,
  options: SubgraphRuntimeOptions,
): Promise<RunningSubgraph> {
  const db = createServiceDataSource({
    url: options.databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  await db.initialize();
  watchPool(db);
  const catalog = options.catalog ?? [];
  const schema = await definition.buildSchema();
  // graphql-js behind a plain handler: the gateway on loopback needs none of Apollo Server's machinery.
  const graphql = new SubgraphGraphQLHandler<BaseContext>(
    schema,
    (operation, code, seconds) => observeGraphQLRequest(definition.name, operation, code, seconds),
    definition.eventPositions && readEventPositionsFirst(definition.eventPositions),
  );

  const decodeIdentity = identityDecoder(options.gatewaySecret);
  const httpServer = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    // `/export/<id>.<format>`, as the gateway's `/datasets/<id>.<format>`: the query is the dataset's filters.
    const exportMatch = /^\/export\/([a-z0-9-]+)\.([a-z]+)$/.exec(path);
    if (path !== '/graphql' && !exportMatch) return sendJson(response, 404, { error: 'not found' });
    const header = request.headers[IDENTITY_HEADER];
    const identity = decodeIdentity(Array.isArray(header) ? header[0] : header);
    if (!identity) {
      return sendGraphQLError(
        response,
        403,
        'FORBIDDEN',
        'This service answers only the Open City Graph gateway',
      );
    }
    if (exportMatch) {
      const dataset = definition.datasets?.find((candidate) => candidate.id === exportMatch[1]);
      if (!dataset) return sendJson(response, 404, { error: `no dataset ${exportMatch[1]} here` });
      const search = new URL(request.url ?? '/', 'http://localhost').searchParams;
      streamExport(db, dataset, exportMatch[2], search, identity, response).catch((error: unknown) => {
        logger.error({ err: error, subgraph: definition.name }, 'export failed');
        if (!response.headersSent) sendJson(response, 500, { error: 'export failed' });
        else response.destroy();
      });
      return;
    }
    // A request closed before its answer (the gateway gave up on it) cancels its SQL.
    const abandoned = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) abandoned.abort();
    });
    runForRequest(
      abandoned.signal,
      () =>
        graphql.handle(request, response, () => ({
          identity,
          db,
          loaders: new LoaderRegistry(),
          publicUrl: forwardedPublicUrl(request.headers),
          catalog,
        })),
      requestDeadline(request),
    ).catch((error: unknown) => {
      logger.error({ err: error, subgraph: definition.name }, 'request failed');
      if (!response.headersSent)
        sendGraphQLError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.end();
    });
  });
  serveOperations(httpServer, { service: definition.name, checks: [databaseCheck(db), brokerCheck(db)] });
  const liveEvents = await serveLiveEvents(httpServer, { schema, db, gatewaySecret: options.gatewaySecret });
  // Outlive the gateway's pooled connections: a server closing an idle socket just as the gateway
  // reuses it would fail that request.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  await new Promise<void>((resolve) => httpServer.listen(options.port, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  logger.info({ subgraph: definition.name, port }, 'subgraph listening');
  return {
    name: definition.name,
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    db,
    schema,
    httpServer,
    async stop() {
      // Refuse new requests first, finish those in flight, and only then let go of the database.
      const drained = drainHttpServer(httpServer);
      await liveEvents?.close();
      await drained;
      await db.destroy();
    },
  };
}
