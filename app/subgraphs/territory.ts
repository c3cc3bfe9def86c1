import { territoryDatasets } from '#datasets/territory/catalog';
import { isTerritorySeeded, seedTerritory } from '#datasets/territory/index';
import { territoryMigrations } from '#migrations/territory/index';
import type { SubgraphDefinition } from '#platform/subgraph';
import { territory as territoryService } from '#territory/index';

/** The territory subgraph joined with what feeds it: its migrations and its datasets. */
export const territory: SubgraphDefinition = {
  ...territoryService,
  migrations: territoryMigrations,
  datasets: territoryDatasets,
  isSeeded: isTerritorySeeded,
  seed: seedTerritory,
};
