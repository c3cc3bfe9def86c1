import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import type { Building } from '../building/building.entity';
import type { ReadingWindow } from '../meter-reading/meter-reading.input';
import {
  ArrondissementEnergy,
  BuildingPerformance,
  DistrictEnergy,
  MeasuredEnergy,
  type EnergySummary,
} from './energy-summary.entity';
import { buildingStockBy, meterTotalsBy } from './energy-summary.loader';
import type { EnergyScope, MeterTotals } from './energy-summary.service';

const MEASURED_DESCRIPTION =
  'Readings over the window the summary was asked for; null when no meter reported in it.';

function measuredEnergy(totals: MeterTotals | null, meteredFloorAreaM2: number): MeasuredEnergy | null {
  if (!totals) return null;
  const consumptionKwh = totals.heatKwh + totals.gasKwh + totals.electricityKwh;
  return {
    ...totals,
    consumptionKwh,
    intensityKwhPerM2: meteredFloorAreaM2 > 0 ? consumptionKwh / meteredFloorAreaM2 : null,
  };
}

/** The summary of an arrondissement or district; its `measured` part is loaded only if asked for. */
export async function energySummary<T extends EnergySummary>(
  type: ClassType<T>,
  scope: EnergyScope,
  key: number | string,
  window: ReadingWindow,
  context: BaseContext,
): Promise<T> {
  const stock = await buildingStockBy(context, scope).load(key);
  return Object.assign(new type(), stock, {
    key,
    window,
    averageIntensityKwhPerM2: stock.floorAreaM2 > 0 ? stock.annualConsumptionKwh / stock.floorAreaM2 : null,
  });
}

export function buildingPerformance(building: Building, window: ReadingWindow): BuildingPerformance {
  return Object.assign(new BuildingPerformance(), {
    building,
    window,
    annualConsumptionKwh: building.annualConsumptionKwhPerM2 * building.floorAreaM2,
    annualConsumptionKwhPerM2: building.annualConsumptionKwhPerM2,
    energyClass: building.energyClass,
  });
}

function measuredResolver<T extends EnergySummary>(type: ClassType<T>, scope: EnergyScope) {
  @Resolver(() => type)
  class SummaryMeasuredResolver {
    @FieldResolver(() => MeasuredEnergy, { nullable: true, description: MEASURED_DESCRIPTION })
    async measured(
      @Root() summary: EnergySummary,
      @Ctx() context: BaseContext,
    ): Promise<MeasuredEnergy | null> {
      const totals = await meterTotalsBy(context, scope, summary.window).load(summary.key);
      return measuredEnergy(totals, summary.supervisedFloorAreaM2);
    }
  }
  return SummaryMeasuredResolver;
}

export const ArrondissementEnergyResolver = measuredResolver(ArrondissementEnergy, 'arrondissement');
export const DistrictEnergyResolver = measuredResolver(DistrictEnergy, 'district');

@Resolver(() => BuildingPerformance)
export class BuildingPerformanceResolver {
  @FieldResolver(() => MeasuredEnergy, { nullable: true, description: MEASURED_DESCRIPTION })
  async measured(
    @Root() performance: BuildingPerformance,
    @Ctx() context: BaseContext,
  ): Promise<MeasuredEnergy | null> {
    const totals = await meterTotalsBy(context, 'building', performance.window).load(performance.building.id);
    return measuredEnergy(totals, performance.building.floorAreaM2);
  }
}
