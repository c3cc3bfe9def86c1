import 'reflect-metadata';
import { runSubgraphMain } from '../../../platform/src/main';
import type { SubgraphDefinition } from '../../../platform/src/subgraph';
import { wasteMigrations } from '../../../migrations/waste';
import { isWasteSeeded, seedWaste } from '../../../datasets/waste';
import { wasteDatasets } from '../../../datasets/waste/catalog';
import { WasteCollection } from './modules/collection/collection.entity';
import { WasteContainer } from './modules/container/container.entity';
import { FillingLevelObservation } from './modules/observation/observation.entity';
import { WasteStation } from './modules/station/station.entity';
import { buildWasteSchema } from './schema';

/** Waste: Trilib' stations, glass columns and Tri Mobile stops, their fill levels and collections (zero-waste strategy). */
export const waste: SubgraphDefinition = {
  name: 'waste',
  entities: [WasteStation, WasteContainer, FillingLevelObservation, WasteCollection],
  migrations: wasteMigrations,
  buildSchema: buildWasteSchema,
  datasets: wasteDatasets,
  isSeeded: isWasteSeeded,
  seed: seedWaste,
};

if (require.main === module) runSubgraphMain(waste);
