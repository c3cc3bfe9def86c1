import type { SubgraphDefinition } from '#platform/subgraph';
import { territory } from './subgraphs/territory';
import { energy } from './subgraphs/energy';
import { datacity } from './subgraphs/datacity';
import { training } from './subgraphs/training';
import { budget } from './subgraphs/budget';
import { waste } from './subgraphs/waste';
import { mobility } from './subgraphs/mobility';

/*
 * Each subgraph with what feeds it (app/subgraphs/<name>.ts): its migrations and its datasets. A
 * subgraph never imports these itself; the application joins them.
 */
export { territory, energy, datacity, training, budget, waste, mobility };

/** Every subgraph of the graph, in composition order. */
export const SUBGRAPHS: SubgraphDefinition[] = [
  territory,
  energy,
  datacity,
  training,
  budget,
  waste,
  mobility,
];
