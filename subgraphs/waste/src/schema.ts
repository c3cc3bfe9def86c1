import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import { AlertCountResolver } from './modules/alert-count/alert-count.resolver';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { CollectionResolver } from './modules/collection/collection.resolver';
import { ContainerResolver } from './modules/container/container.resolver';
import { IngestionResolver } from './modules/ingestion/ingestion.resolver';
import { ObservationResolver } from './modules/observation/observation.resolver';
import { StationResolver } from './modules/station/station.resolver';
import { StationEventResolver } from './modules/station-event/station-event.resolver';
import { StreamStatisticsResolver } from './modules/stream-statistics/stream-statistics.resolver';
import { stationReference } from './modules/station/station.reference';

export function buildWasteSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      StationResolver,
      ContainerResolver,
      ObservationResolver,
      CollectionResolver,
      IngestionResolver,
      StationEventResolver,
      StreamStatisticsResolver,
      ArrondissementResolver,
      AlertCountResolver,
    ],
    referenceResolvers: {
      WasteStation: stationReference,
    },
  });
}
