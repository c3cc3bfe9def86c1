import type { SubgraphDefinition } from '#platform/subgraph';
import { territory as territoryService } from '#territory/index';
import { territoryMigrations } from '#migrations/territory/index';
import { isTerritorySeeded, seedTerritory } from '#datasets/territory/index';
import { territoryDatasets } from '#datasets/territory/catalog';
import { energy as energyService } from '#energy/index';
import { energyMigrations } from '#migrations/energy/index';
import { isEnergySeeded, seedEnergy } from '#datasets/energy/index';
import { energyDatasets } from '#datasets/energy/catalog';
import { datacity as datacityService } from '#datacity/index';
import { datacityMigrations } from '#migrations/datacity/index';
import { isDatacitySeeded, seedDatacity } from '#datasets/datacity/index';
import { datacityDatasets } from '#datasets/datacity/catalog';
import { training as trainingService } from '#training/index';
import { trainingMigrations } from '#migrations/training/index';
import { isTrainingSeeded, seedTraining } from '#datasets/training/index';
import { trainingDatasets } from '#datasets/training/catalog';
import { budget as budgetService } from '#budget/index';
import { budgetMigrations } from '#migrations/budget/index';
import { isBudgetSeeded, seedBudget } from '#datasets/budget/index';
import { budgetDatasets } from '#datasets/budget/catalog';
import { waste as wasteService } from '#waste/index';
import { wasteMigrations } from '#migrations/waste/index';
import { isWasteSeeded, seedWaste } from '#datasets/waste/index';
import { wasteDatasets } from '#datasets/waste/catalog';
import { mobility as mobilityService } from '#mobility/index';
import { mobilityMigrations } from '#migrations/mobility/index';
import { isMobilitySeeded, seedMobility } from '#datasets/mobility/index';
import { mobilityDatasets } from '#datasets/mobility/catalog';

/*
 * Each subgraph with what feeds it: its migrations and its datasets (import or generation, and the
 * exports it publishes). A subgraph never imports these itself; the application joins them here.
 */
export const territory: SubgraphDefinition = {
  ...territoryService,
  migrations: territoryMigrations,
  datasets: territoryDatasets,
  isSeeded: isTerritorySeeded,
  seed: seedTerritory,
};
export const energy: SubgraphDefinition = {
  ...energyService,
  migrations: energyMigrations,
  datasets: energyDatasets,
  isSeeded: isEnergySeeded,
  seed: seedEnergy,
};
export const datacity: SubgraphDefinition = {
  ...datacityService,
  migrations: datacityMigrations,
  datasets: datacityDatasets,
  isSeeded: isDatacitySeeded,
  seed: seedDatacity,
};
export const training: SubgraphDefinition = {
  ...trainingService,
  migrations: trainingMigrations,
  datasets: trainingDatasets,
  isSeeded: isTrainingSeeded,
  seed: seedTraining,
};
export const budget: SubgraphDefinition = {
  ...budgetService,
  migrations: budgetMigrations,
  datasets: budgetDatasets,
  isSeeded: isBudgetSeeded,
  seed: seedBudget,
};
export const waste: SubgraphDefinition = {
  ...wasteService,
  migrations: wasteMigrations,
  datasets: wasteDatasets,
  isSeeded: isWasteSeeded,
  seed: seedWaste,
};
export const mobility: SubgraphDefinition = {
  ...mobilityService,
  migrations: mobilityMigrations,
  datasets: mobilityDatasets,
  isSeeded: isMobilitySeeded,
  seed: seedMobility,
};

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

/** One subgraph's definition by name (the subgraph process's entry point takes it as argument). */
export function subgraphNamed(name: string): SubgraphDefinition | undefined {
  return SUBGRAPHS.find((definition) => definition.name === name);
}
