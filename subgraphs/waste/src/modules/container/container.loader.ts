import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { WasteContainer } from './container.entity';
import { ContainerService } from './container.service';

export function containerById(context: BaseContext) {
  return context.loaders.get<string, WasteContainer | null>('wasteContainerById', async (ids) =>
    byKeys(ids, await new ContainerService(context.db).byIds(ids), (row) => row.id),
  );
}

/** Every container of each station asked for in a request, in one statement. */
export function containersByStation(context: BaseContext) {
  return context.loaders.get<string, WasteContainer[]>('wasteContainersByStation', async (stationIds) =>
    groupByKeys(
      stationIds,
      await new ContainerService(context.db).byStations(stationIds),
      (row) => row.stationId,
    ),
  );
}
