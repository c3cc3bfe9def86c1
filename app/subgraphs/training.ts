import { trainingDatasets } from '#datasets/training/catalog';
import { isTrainingSeeded, seedTraining } from '#datasets/training/index';
import { trainingMigrations } from '#migrations/training/index';
import type { SubgraphDefinition } from '#platform/subgraph';
import { training as trainingService } from '#training/index';

/** The training subgraph joined with what feeds it: its migrations and its datasets. */
export const training: SubgraphDefinition = {
  ...trainingService,
  migrations: trainingMigrations,
  datasets: trainingDatasets,
  isSeeded: isTrainingSeeded,
  seed: seedTraining,
};
