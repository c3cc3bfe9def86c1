import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import type { EnergyContext } from './context';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { ConsumptionResolver } from './modules/consumption/consumption.resolver';
import { BuildingResolver } from './modules/building/building.resolver';
import { buildingById } from './modules/building/building.loader';
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
import { meterById } from './modules/meter/meter.loader';
import { MeterReadingResolver } from './modules/meter-reading/meter-reading.resolver';
import { ReadingEventResolver } from './modules/reading-event/reading-event.resolver';

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
    ],
    referenceResolvers: {
      Building: {
        __resolveReference: (reference: { id: string }, context: EnergyContext) =>
          buildingById(context).load(reference.id),
      },
      Meter: {
        __resolveReference: (reference: { id: string }, context: EnergyContext) =>
          meterById(context).load(reference.id),
      },
    },
  });
}
