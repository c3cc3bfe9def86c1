import { energyDatasets } from '#datasets/energy/catalog';
import { isEnergySeeded, seedEnergy } from '#datasets/energy/index';
import { energyMigrations } from '#migrations/energy/index';
import type { SubgraphDefinition } from '#platform/subgraph';
import { energy as energyService } from '#energy/index';

/** The energy subgraph joined with what feeds it: its migrations and its datasets. */
export const energy: SubgraphDefinition = {
  ...energyService,
  migrations: energyMigrations,
  datasets: energyDatasets,
  isSeeded: isEnergySeeded,
  seed: seedEnergy,
};
