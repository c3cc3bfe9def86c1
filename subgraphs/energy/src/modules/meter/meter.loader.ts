import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { Meter } from './meter.entity';
import { MeterService } from './meter.service';

export function meterById(context: BaseContext) {
  return context.loaders.get<string, Meter | null>('meterById', async (ids) =>
    byKeys(ids, await new MeterService(context.db).byIds(ids), (row) => row.id),
  );
}

export function metersByBuilding(context: BaseContext) {
  return context.loaders.get<string, Meter[]>('metersByBuilding', async (buildingIds) =>
    groupByKeys(
      buildingIds,
      await new MeterService(context.db).byBuildings(buildingIds),
      (row) => row.buildingId,
    ),
  );
}
