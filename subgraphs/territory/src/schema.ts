import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { CityResolver } from './modules/city/city.resolver';
import { CityFigureResolver } from './modules/city-figure/city-figure.resolver';
import { DatasetResolver } from './modules/dataset/dataset.resolver';
import { DistrictResolver } from './modules/district/district.resolver';
import { ProjectResolver } from './modules/project/project.resolver';
import { arrondissementReference } from './modules/arrondissement/arrondissement.reference';
import { cityReference } from './modules/city/city.reference';
import { datasetReference } from './modules/dataset/dataset.reference';
import { districtReference } from './modules/district/district.reference';
import { projectReference } from './modules/project/project.reference';

export function buildTerritorySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      ArrondissementResolver,
      DistrictResolver,
      DatasetResolver,
      CityResolver,
      CityFigureResolver,
      ProjectResolver,
    ],
    referenceResolvers: {
      Arrondissement: arrondissementReference,
      District: districtReference,
      Dataset: datasetReference,
      City: cityReference,
      Project: projectReference,
    },
  });
}
