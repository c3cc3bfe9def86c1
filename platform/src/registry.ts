import type { SubgraphDefinition } from './subgraph';
import { territory } from '../../subgraphs/territory/src/index';
import { energy } from '../../subgraphs/energy/src/index';
import { datacity } from '../../subgraphs/datacity/src/index';
import { training } from '../../subgraphs/training/src/index';
import { budget } from '../../subgraphs/budget/src/index';
import { mobility } from '../../subgraphs/mobility/src/index';
import { waste } from '../../subgraphs/waste/src/index';

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
