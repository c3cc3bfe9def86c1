import type { BaseContext } from '#platform/context';
import type { AccompanimentStatsCell } from './accompaniment-stats.entity';
import { AccompanimentStatsService } from './accompaniment-stats.service';

/** Every published cell of each arrondissement asked for in this request: one statement for all of them. */
export function accompanimentStatsByArrondissement(context: BaseContext) {
  return context.loaders.get<number, AccompanimentStatsCell[]>(
    'accompanimentStatsByArrondissement',
    (codes) => new AccompanimentStatsService(context.db).cellsByArrondissement(codes),
  );
}
