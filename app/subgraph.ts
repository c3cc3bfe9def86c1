import 'reflect-metadata';
import { CATALOG } from '#datasets/catalog';
import { logger } from '#platform/logger';
import { runSubgraphMain } from '#platform/main';
import { subgraphNamed } from './registry';

/** Entry point of one subgraph process: `node dist/app/subgraph.js <name>` (the launcher forks it). */
const name = process.argv[2] ?? '';
const definition = subgraphNamed(name);
if (!definition) {
  logger.fatal({ subgraph: name }, 'unknown subgraph: give one of the names in app/registry.ts');
  process.exit(1);
}
runSubgraphMain(definition, CATALOG);
