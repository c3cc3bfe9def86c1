import { groupByKeys, type BaseContext } from '#platform/context';
import type { Retrofit } from './retrofit.entity';
import { RetrofitService } from './retrofit.service';

/** `Building.retrofits`: one batch for every building of the request. */
export function retrofitsByBuilding(context: BaseContext) {
  return context.loaders.get<string, Retrofit[]>('retrofitsByBuilding', async (buildingIds) =>
    groupByKeys(
      buildingIds,
      await new RetrofitService(context.db).byBuildings(buildingIds),
      (row) => row.buildingId,
    ),
  );
}
