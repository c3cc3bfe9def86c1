import 'reflect-metadata';
import type { SubgraphService } from '#platform/subgraph';
import { WasteCollection } from './modules/collection/collection.entity';
import { WasteContainer } from './modules/container/container.entity';
import { FillingLevelObservation } from './modules/observation/observation.entity';
import { WasteStation } from './modules/station/station.entity';
import { STATION_POSITION_FIELD, STATION_STREAM } from './modules/station-event/station-event.service';
import { buildWasteSchema } from './schema';

/** Waste: Trilib' stations, glass columns and Tri Mobile stops, their fill levels and collections (zero-waste strategy). */
export const waste: SubgraphService = {
  name: 'waste',
  entities: [WasteStation, WasteContainer, FillingLevelObservation, WasteCollection],
  buildSchema: buildWasteSchema,
  eventPositions: { [STATION_POSITION_FIELD]: STATION_STREAM },
};
