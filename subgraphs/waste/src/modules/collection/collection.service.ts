import type { DataSource } from 'typeorm';
import { paginateByParent, type Connection, type PageArgs, type PageOrder } from '#platform/pagination';
import type { WasteStream } from '../../waste-stream';
import { WasteCollection } from './collection.entity';

/** The most recent collection first. */
export const COLLECTION_ORDER: PageOrder<WasteCollection> = {
  alias: 'collection',
  sort: 'collectedAt',
  id: 'id',
  direction: 'DESC',
};

export class CollectionService {
  constructor(private readonly db: DataSource) {}

  pageByStations(
    stationIds: readonly string[],
    stream: WasteStream | null | undefined,
    page: PageArgs,
  ): Promise<Connection<WasteCollection>[]> {
    const query = this.db.getRepository(WasteCollection).createQueryBuilder('collection');
    if (stream) query.andWhere('collection.stream = :stream', { stream });
    return paginateByParent(query, 'stationId', stationIds, page, COLLECTION_ORDER);
  }
}
