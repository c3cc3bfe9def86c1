import { logger } from './logger';
import { startSubgraph } from './server';
import type { DatasetDefinition } from './exports/definition';
import type { SubgraphDefinition } from './subgraph';
import { subgraphPort } from './subgraphs';

/** Entry point of a subgraph process started by the launcher (or by hand, with the same environment). */
export function runSubgraphMain(definition: SubgraphDefinition, catalog: readonly DatasetDefinition[]): void {
  const databaseUrl = process.env.DATABASE_URL;
  const gatewaySecret = process.env.GATEWAY_SECRET;
  if (!databaseUrl || !gatewaySecret) {
    logger.fatal('DATABASE_URL and GATEWAY_SECRET must be set (npm start sets both)');
    process.exit(1);
  }
  startSubgraph(definition, { databaseUrl, gatewaySecret, port: subgraphPort(definition.name), catalog })
    .then((running) => {
      process.send?.({ ready: definition.name, url: running.url });
      stopOnSignals(() => running.stop());
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error, subgraph: definition.name }, 'subgraph failed to start');
      process.exit(1);
    });
}

/**
 * Stops cleanly on SIGTERM/SIGINT, and when the launcher's IPC channel closes (the launcher died
 * without telling us): a service never lingers as an orphan. Under the launcher, Ctrl-C reaches
 * every process of the terminal at once; the launcher decides the order (gateway first, so its
 * requests in flight can still reach the subgraphs), so a supervised service waits for its SIGTERM.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  const supervised = process.connected;
  process.once('SIGTERM', shutdown);
  if (supervised) process.on('SIGINT', () => undefined);
  else process.once('SIGINT', shutdown);
  process.once('disconnect', shutdown);
}
