import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * The stock gateway everything is compared with: @apollo/gateway in @apollo/server's standalone
 * server, defaults only, on the supergraph file SUPERGRAPH_PATH and the port PORT.
 */
async function main(): Promise<void> {
  // Stock, but silent: no usage report to Apollo nor cloud metadata probes from the benchmark.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(String(process.env.SUPERGRAPH_PATH), 'utf8'),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(process.env.PORT) } });
  process.on('SIGTERM', () => void server.stop().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
