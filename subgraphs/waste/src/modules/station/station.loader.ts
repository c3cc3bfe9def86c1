import { byKeys, type BaseContext } from '#platform/context';
import type { Connection, PageArgs } from '#platform/pagination';
import type { WasteStation } from './station.entity';
import type { WasteStationFilter, WasteStationOrder } from './station.input';
import { StationService } from './station.service';

/** Stations by id, batched per request (federation `_entities`, containers' and collections' `station`). */
export function stationById(context: BaseContext) {
  return context.loaders.get<string, WasteStation | null>('wasteStationById', async (ids) =>
    byKeys(ids, await new StationService(context.db).byIds(ids), (row) => row.id),
  );
}

/** One page of stations per arrondissement, for all the arrondissements of a request at once. */
export function stationsByArrondissement(
  context: BaseContext,
  filter: WasteStationFilter,
  page: PageArgs,
  orderBy: WasteStationOrder[] | null,
) {
  return context.loaders.get<number, Connection<WasteStation>>(
    'wasteStationsByArrondissement',
    async (codes) => new StationService(context.db).pageByArrondissements(codes, filter, page, orderBy),
    { filter, page, orderBy },
  );
}
