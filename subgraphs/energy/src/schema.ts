import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { ConsumptionResolver } from './modules/consumption/consumption.resolver';
import { BuildingResolver } from './modules/building/building.resolver';
import { DistrictResolver } from './modules/district/district.resolver';
import { DistrictLoadResolver } from './modules/district-load/district-load.resolver';
import {
  ArrondissementEnergyResolver,
  BuildingPerformanceResolver,
  DistrictEnergyResolver,
} from './modules/energy-summary/energy-summary.resolver';
import { EnergyLoadResolver } from './modules/energy-load/energy-load.resolver';
import { EnergyIngestionResolver } from './modules/ingestion/ingestion.resolver';
import { MeterResolver } from './modules/meter/meter.resolver';
import { MeterReadingResolver } from './modules/meter-reading/meter-reading.resolver';
import { ReadingEventResolver } from './modules/reading-event/reading-event.resolver';
import { RetrofitResolver } from './modules/retrofit/retrofit.resolver';
import { buildingReference } from './modules/building/building.reference';
import { meterReference } from './modules/meter/meter.reference';

export function buildEnergySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      BuildingResolver,
      ConsumptionResolver,
      MeterResolver,
      MeterReadingResolver,
      BuildingPerformanceResolver,
      ArrondissementResolver,
      ArrondissementEnergyResolver,
      DistrictResolver,
      DistrictEnergyResolver,
      EnergyIngestionResolver,
      ReadingEventResolver,
      DistrictLoadResolver,
      EnergyLoadResolver,
      RetrofitResolver,
    ],
    referenceResolvers: {
      Building: buildingReference,
      Meter: meterReference,
    },
  });
}
