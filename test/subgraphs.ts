import { SUBGRAPHS } from '#app/registry';
import type { SubgraphDefinition } from '#platform/subgraph';

/**
 * The subgraphs a test run migrates, seeds and starts: all of them, unless OCG_TEST_SUBGRAPHS
 * (a comma-separated list) narrows the run while one subgraph is being worked on.
 */
export function testSubgraphs(): SubgraphDefinition[] {
  const only = process.env.OCG_TEST_SUBGRAPHS?.split(',').map((name) => name.trim());
  return only ? SUBGRAPHS.filter((definition) => only.includes(definition.name)) : SUBGRAPHS;
}
