import { byKeys, type BaseContext } from '#platform/context';
import type { Citation } from './citation.entity';
import { CitationService } from './citation.service';

/** Citations by id, one batch per request whatever cites them (figures, districts, projects). */
export function citationById(context: BaseContext) {
  return context.loaders.get<string, Citation | null>('citationById', async (ids) =>
    byKeys(ids, await new CitationService(context.db).byIds(ids), (row) => row.id),
  );
}
