import { byKeys, type BaseContext } from '#platform/context';
import type { AccompanimentRequest } from './accompaniment-request.entity';
import { AccompanimentRequestService } from './accompaniment-request.service';

/** Requests by id, batched per request (federation `_entities`, missions). */
export function accompanimentRequestById(context: BaseContext) {
  return context.loaders.get<string, AccompanimentRequest | null>('accompanimentRequestById', async (ids) =>
    byKeys(ids, await new AccompanimentRequestService(context.db).byIds(ids), (row) => row.id),
  );
}
