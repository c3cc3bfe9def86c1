import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { DatasetResolver } from './modules/dataset/dataset.resolver';
import { DistrictResolver } from './modules/district/district.resolver';
import { arrondissementReference } from './modules/arrondissement/arrondissement.reference';
import { datasetReference } from './modules/dataset/dataset.reference';
import { districtReference } from './modules/district/district.reference';

export function buildTerritorySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ArrondissementResolver, DistrictResolver, DatasetResolver],
    referenceResolvers: {
      Arrondissement: arrondissementReference,
      District: districtReference,
      Dataset: datasetReference,
    },
  });
}
