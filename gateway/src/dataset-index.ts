import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SubgraphName } from '#platform/subgraphs';
import { PROJECT_ROOT } from './web/paths';

/** A published dataset and the subgraph that exports it: all the gateway needs to route a download. */
export interface DatasetOwner {
  id: string;
  subgraph: SubgraphName;
}

/**
 * Where `npm run compose` writes the catalog's ids and owners, beside the supergraph: the gateway
 * learns the datasets from the composed contract, as it learns the graph, not from the catalog's code.
 */
export const DEFAULT_DATASET_INDEX_PATH = path.join(PROJECT_ROOT, 'schema', '__generated__', 'datasets.json');

export function loadDatasetIndex(file = DEFAULT_DATASET_INDEX_PATH): DatasetOwner[] {
  return JSON.parse(readFileSync(file, 'utf8')) as DatasetOwner[];
}
