import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import type { TerritoryContext } from './context';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { arrondissementByCode } from './modules/arrondissement/arrondissement.loader';
import { DatasetResolver } from './modules/dataset/dataset.resolver';
import { datasetById } from './modules/dataset/dataset.loader';
import { DistrictResolver } from './modules/district/district.resolver';
import { districtById } from './modules/district/district.loader';

export function buildTerritorySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ArrondissementResolver, DistrictResolver, DatasetResolver],
    referenceResolvers: {
      Arrondissement: {
        __resolveReference: (reference: { code: number }, context: TerritoryContext) =>
          arrondissementByCode(context).load(reference.code),
      },
      District: {
        __resolveReference: (reference: { id: string }, context: TerritoryContext) =>
          districtById(context).load(reference.id),
      },
      Dataset: {
        __resolveReference: (reference: { id: string }, context: TerritoryContext) =>
          datasetById(context).load(reference.id),
      },
    },
  });
}
