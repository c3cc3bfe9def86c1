import 'reflect-metadata';
import type { SubgraphService } from '#platform/subgraph';
import { AccompanimentRequest } from './modules/accompaniment-request/accompaniment-request.entity';
import { Beneficiary } from './modules/beneficiary/beneficiary.entity';
import { Volunteer } from './modules/volunteer/volunteer.entity';
import { buildMobilitySchema } from './schema';

/**
 * Mobility: Paris en Compagnie, volunteers accompanying isolated elderly people. Personal data is
 * for operators; volunteers see open requests approximately and their own missions; everyone
 * else sees only suppressed aggregates.
 */
export const mobility: SubgraphService = {
  name: 'mobility',
  entities: [Volunteer, Beneficiary, AccompanimentRequest],
  buildSchema: buildMobilitySchema,
};
