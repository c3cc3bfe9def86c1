import { datacityDatasets } from '#datasets/datacity/catalog';
import { isDatacitySeeded, seedDatacity } from '#datasets/datacity/index';
import { datacityMigrations } from '#migrations/datacity/index';
import type { SubgraphDefinition } from '#platform/subgraph';
import { datacity as datacityService } from '#datacity/index';

/** The datacity subgraph joined with what feeds it: its migrations and its datasets. */
export const datacity: SubgraphDefinition = {
  ...datacityService,
  migrations: datacityMigrations,
  datasets: datacityDatasets,
  isSeeded: isDatacitySeeded,
  seed: seedDatacity,
};
