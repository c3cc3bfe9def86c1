import 'reflect-metadata';
import type { SubgraphService } from '#platform/subgraph';
import { Building } from './modules/building/building.entity';
import { Meter } from './modules/meter/meter.entity';
import { MeterReading } from './modules/meter-reading/meter-reading.entity';
import { Retrofit } from './modules/retrofit/retrofit.entity';
import { buildEnergySchema } from './schema';

/** Energy: the supervised heating of the City's public buildings, their meters and 15-minute readings (CoRDEES). */
export const energy: SubgraphService = {
  name: 'energy',
  entities: [Building, Meter, MeterReading, Retrofit],
  buildSchema: buildEnergySchema,
};
