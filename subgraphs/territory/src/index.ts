import 'reflect-metadata';
import type { SubgraphService } from '#platform/subgraph';
import { Arrondissement } from './modules/arrondissement/arrondissement.entity';
import { District } from './modules/district/district.entity';
import { buildTerritorySchema } from './schema';

/** Territory: the shared geography (arrondissements, districts) every other subgraph joins on. */
export const territory: SubgraphService = {
  name: 'territory',
  entities: [Arrondissement, District],
  buildSchema: buildTerritorySchema,
};
