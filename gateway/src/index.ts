import { readFileSync } from 'node:fs';
import path from 'node:path';
import { logger } from '../../platform/src/logger';
import { stopOnSignals } from '../../platform/src/main';
import { startGateway } from './server';

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
  startGateway({ port: Number(process.env.PORT ?? 4000), supergraphSdl, gatewaySecret, databaseUrl })
    .then((running) => {
      process.send?.({ ready: 'gateway', url: running.url });
      stopOnSignals(() => running.stop());
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'gateway failed to start');
      process.exit(1);
    });
}

main();
