import type { SubgraphDefinition } from './subgraph';
import { territory } from '../../subgraphs/territory/src/index';

/** Every subgraph of the graph, in composition order. */
export const SUBGRAPHS: SubgraphDefinition[] = [territory];
