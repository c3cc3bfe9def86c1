import 'reflect-metadata';
import { logger } from '#platform/logger';
import { runSubgraphMain } from '#platform/main';
import type { SubgraphDefinition } from '#platform/subgraph';

/**
 * Each subgraph's definition, loaded on demand: a subgraph process loads its own code and feeds
 * only, not the six others (the whole registry costs about 0.3 s and 20 MB more per process).
 */
const DEFINITIONS: Record<string, () => Promise<SubgraphDefinition>> = {
  territory: async () => (await import('#app/subgraphs/territory')).territory,
  energy: async () => (await import('#app/subgraphs/energy')).energy,
  datacity: async () => (await import('#app/subgraphs/datacity')).datacity,
  training: async () => (await import('#app/subgraphs/training')).training,
  budget: async () => (await import('#app/subgraphs/budget')).budget,
  waste: async () => (await import('#app/subgraphs/waste')).waste,
  mobility: async () => (await import('#app/subgraphs/mobility')).mobility,
};

/** Entry point of one subgraph process: `node dist/app/subgraph.js <name>` (the launcher forks it). */
async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const load = Object.hasOwn(DEFINITIONS, name) ? DEFINITIONS[name] : undefined;
  if (!load) {
    logger.fatal({ subgraph: name }, `unknown subgraph: give one of ${Object.keys(DEFINITIONS).join(', ')}`);
    process.exit(1);
  }
  const [definition, { CATALOG }] = await Promise.all([load(), import('#datasets/catalog')]);
  runSubgraphMain(definition, CATALOG);
}

void main();
