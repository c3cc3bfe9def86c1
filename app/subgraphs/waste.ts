import { wasteDatasets } from '#datasets/waste/catalog';
import { isWasteSeeded, seedWaste } from '#datasets/waste/index';
import { wasteMigrations } from '#migrations/waste/index';
import type { SubgraphDefinition } from '#platform/subgraph';
import { waste as wasteService } from '#waste/index';

/** The waste subgraph joined with what feeds it: its migrations and its datasets. */
export const waste: SubgraphDefinition = {
  ...wasteService,
  migrations: wasteMigrations,
  datasets: wasteDatasets,
  isSeeded: isWasteSeeded,
  seed: seedWaste,
};
