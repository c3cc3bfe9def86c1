import type { BaseContext } from '#platform/context';
import type { ArrondissementWasteSummary } from './arrondissement.entity';
import { ArrondissementWasteService } from './arrondissement.service';

export function wasteSummaryByArrondissement(context: BaseContext) {
  return context.loaders.get<number, ArrondissementWasteSummary>(
    'wasteSummaryByArrondissement',
    async (codes) => new ArrondissementWasteService(context.db).summaries(codes),
  );
}
