import type { DatasetDefinition } from '#platform/exports/definition';
import { budgetDatasets } from './budget/catalog';
import { datacityDatasets } from './datacity/catalog';
import { energyDatasets } from './energy/catalog';
import { mobilityDatasets } from './mobility/catalog';
import { territoryDatasets } from './territory/catalog';
import { trainingDatasets } from './training/catalog';
import { wasteDatasets } from './waste/catalog';

/**
 * The catalog: every dataset the platform publishes, each owned (and exported) by one subgraph.
 * Ids are public API (`/datasets/<id>.<format>`).
 */
export const CATALOG: DatasetDefinition[] = [
  ...territoryDatasets,
  ...energyDatasets,
  ...wasteDatasets,
  ...mobilityDatasets,
  ...budgetDatasets,
  ...datacityDatasets,
  ...trainingDatasets,
];
