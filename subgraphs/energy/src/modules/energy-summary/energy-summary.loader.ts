import type { BaseContext } from '#platform/context';
import type { ReadingWindow } from '../meter-reading/meter-reading.input';
import {
  EnergySummaryService,
  type BuildingStock,
  type EnergyScope,
  type MeterTotals,
} from './energy-summary.service';

export function buildingStockBy(context: BaseContext, scope: EnergyScope) {
  return context.loaders.get<string | number, BuildingStock>(`buildingStock:${scope}`, (keys) =>
    new EnergySummaryService(context.db).stock(scope, keys),
  );
}

export function meterTotalsBy(context: BaseContext, scope: EnergyScope, window: ReadingWindow) {
  return context.loaders.get<string | number, MeterTotals | null>(
    `meterTotals:${scope}`,
    (keys) => new EnergySummaryService(context.db).totals(scope, keys, window),
    window,
  );
}
