import 'reflect-metadata';
import type { SubgraphService } from '#platform/subgraph';
import { Arrondissement } from './modules/arrondissement/arrondissement.entity';
import { Citation } from './modules/citation/citation.entity';
import { City } from './modules/city/city.entity';
import { CityFigure } from './modules/city-figure/city-figure.entity';
import { District } from './modules/district/district.entity';
import { Project } from './modules/project/project.entity';
import { buildTerritorySchema } from './schema';

/** Territory: the shared geography (the city, arrondissements, districts and their projects) every other subgraph joins on. */
export const territory: SubgraphService = {
  name: 'territory',
  entities: [Arrondissement, District, Citation, City, CityFigure, Project],
  buildSchema: buildTerritorySchema,
};
