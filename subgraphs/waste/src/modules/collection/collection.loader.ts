import type { BaseContext } from '#platform/context';
import type { Connection, PageArgs } from '#platform/pagination';
import type { WasteStream } from '../../waste-stream';
import type { WasteCollection } from './collection.entity';
import { CollectionService } from './collection.service';

/** One page of collections per station, for every station of a request at once. */
export function collectionsByStation(
  context: BaseContext,
  stream: WasteStream | null | undefined,
  page: PageArgs,
) {
  return context.loaders.get<string, Connection<WasteCollection>>(
    'wasteCollectionsByStation',
    async (stationIds) => new CollectionService(context.db).pageByStations(stationIds, stream, page),
    { stream: stream ?? null, page },
  );
}
