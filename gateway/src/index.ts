import { readFileSync } from 'node:fs';
import path from 'node:path';
import { logger } from '#platform/logger';
import { stopOnSignals } from '#platform/main';
import { SUBGRAPH_NAMES, subgraphUrl } from '#platform/subgraphs';
import { startGateway } from './server';
import { gatewayWorkers, runGatewayWorkers } from './workers';

/** Entry point of the gateway process: loads the composed supergraph and serves it. */
function main(): void {
  const gatewaySecret = process.env.GATEWAY_SECRET;
  const databaseUrl = process.env.DATABASE_URL;
  if (!gatewaySecret || !databaseUrl) {
    logger.fatal('GATEWAY_SECRET and DATABASE_URL must be set (npm start sets both)');
    process.exit(1);
  }
  const supergraphPath =
    process.env.SUPERGRAPH_PATH ?? path.join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql');
  const supergraphSdl = readFileSync(supergraphPath, 'utf8');
  // The launcher's ports, which SUBGRAPH_<NAME>_PORT may move away from those in the supergraph file.
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name)]));
  startGateway({
    port: Number(process.env.PORT ?? 4000),
    supergraphSdl,
    gatewaySecret,
    databaseUrl,
    subgraphUrls,
  })
    .then((running) => {
      process.send?.({ ready: 'gateway', url: running.url });
      stopOnSignals(() => running.stop());
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'gateway failed to start');
      process.exit(1);
    });
}

runGatewayWorkers(gatewayWorkers(), main);
