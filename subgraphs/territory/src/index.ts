import 'reflect-metadata';
import { runSubgraphMain } from '../../../platform/src/main';
import type { SubgraphDefinition } from '../../../platform/src/subgraph';
import { territoryMigrations } from '../../../migrations/territory';
import { isTerritorySeeded, seedTerritory } from '../../../datasets/territory';
import { territoryDatasets } from '../../../datasets/territory/catalog';
import { Arrondissement } from './modules/arrondissement/arrondissement.entity';
import { District } from './modules/district/district.entity';
import { buildTerritorySchema } from './schema';

/** Territory: the shared geography (arrondissements, districts) every other subgraph joins on. */
export const territory: SubgraphDefinition = {
  name: 'territory',
  entities: [Arrondissement, District],
  migrations: territoryMigrations,
  buildSchema: buildTerritorySchema,
  datasets: territoryDatasets,
  isSeeded: isTerritorySeeded,
  seed: seedTerritory,
};

if (require.main === module) runSubgraphMain(territory);
