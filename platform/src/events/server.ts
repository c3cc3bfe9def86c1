import type { Server } from 'node:http';
import type { FormattedExecutionResult, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { DataSource } from 'typeorm';
import { LoaderRegistry, type BaseContext } from '../context';
import { closeWebSockets } from '../http';
import { decodeIdentity, IDENTITY_HEADER, type Identity } from '../identity';
import { withCommitTime } from './commit-time';
import { EventHub } from './hub';

export interface LiveEvents {
  close(): Promise<void>;
}

/** The signed identity a gateway puts in graphql-ws `connectionParams`, as it puts it in a header over HTTP. */
function connectionIdentity(
  params: Readonly<Record<string, unknown>> | undefined,
  gatewaySecret: string,
): Identity | undefined {
  const signed = params?.[IDENTITY_HEADER];
  return typeof signed === 'string' ? decodeIdentity(signed, gatewaySecret) : undefined;
}

/**
 * Serves a subgraph's subscriptions over graphql-ws on its own /graphql, for the gateway only: a
 * connection without an identity signed with the gateway's secret is closed (4403) before any
 * operation. Starts the service's event hub; a schema without subscriptions gets neither.
 */
export async function serveLiveEvents(
  httpServer: Server,
  options: { schema: GraphQLSchema; db: DataSource; gatewaySecret: string },
): Promise<LiveEvents | undefined> {
  if (!options.schema.getSubscriptionType()) return undefined;
  const hub = await EventHub.start(options.db);
  const sockets = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const server = useServer(
    {
      schema: options.schema,
      onConnect: (context) =>
        connectionIdentity(context.connectionParams, options.gatewaySecret) !== undefined,
      context: (context): BaseContext => ({
        // onConnect has refused every connection without a valid identity.
        identity: connectionIdentity(context.connectionParams, options.gatewaySecret) ?? { roles: [] },
        db: options.db,
        loaders: new LoaderRegistry(),
      }),
      // The gateway measures each live event's lag from this (the extension never reaches clients).
      onNext: (_context, _id, _payload, args, result) =>
        withCommitTime(args.contextValue, result) as FormattedExecutionResult | undefined,
    },
    sockets,
  );
  return {
    async close() {
      closeWebSockets(sockets);
      await server.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await hub.close();
    },
  };
}
