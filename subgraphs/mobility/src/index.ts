import 'reflect-metadata';
import { runSubgraphMain } from '../../../platform/src/main';
import type { SubgraphDefinition } from '../../../platform/src/subgraph';
import { mobilityMigrations } from '../../../migrations/mobility';
import { isMobilitySeeded, seedMobility } from '../../../datasets/mobility';
import { mobilityDatasets } from '../../../datasets/mobility/catalog';
import { AccompanimentRequest } from './modules/accompaniment-request/accompaniment-request.entity';
import { Beneficiary } from './modules/beneficiary/beneficiary.entity';
import { Volunteer } from './modules/volunteer/volunteer.entity';
import { buildMobilitySchema } from './schema';

/**
 * Mobility: Paris en Compagnie, volunteers accompanying isolated elderly people. Personal data is
 * for operators; volunteers see open requests approximately and their own missions; everyone
 * else sees only suppressed aggregates.
 */
export const mobility: SubgraphDefinition = {
  name: 'mobility',
  entities: [Volunteer, Beneficiary, AccompanimentRequest],
  migrations: mobilityMigrations,
  buildSchema: buildMobilitySchema,
  datasets: mobilityDatasets,
  isSeeded: isMobilitySeeded,
  seed: seedMobility,
};

if (require.main === module) runSubgraphMain(mobility);
