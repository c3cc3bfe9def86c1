import 'reflect-metadata';
import { runSubgraphMain } from '../../../platform/src/main';
import type { SubgraphDefinition } from '../../../platform/src/subgraph';
import { energyMigrations } from '../../../migrations/energy';
import { isEnergySeeded, seedEnergy } from '../../../datasets/energy';
import { energyDatasets } from '../../../datasets/energy/catalog';
import { Building } from './modules/building/building.entity';
import { Meter } from './modules/meter/meter.entity';
import { MeterReading } from './modules/meter-reading/meter-reading.entity';
import { buildEnergySchema } from './schema';

/** Energy: the supervised heating of the City's public buildings, their meters and 15-minute readings (CoRDEES). */
export const energy: SubgraphDefinition = {
  name: 'energy',
  entities: [Building, Meter, MeterReading],
  migrations: energyMigrations,
  buildSchema: buildEnergySchema,
  datasets: energyDatasets,
  isSeeded: isEnergySeeded,
  seed: seedEnergy,
};

if (require.main === module) runSubgraphMain(energy);
