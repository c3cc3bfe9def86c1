import { byKeys, type BaseContext } from '#platform/context';
import type { BudgetEdition, BudgetEditionTotals } from './edition.entity';
import { EditionService, emptyTotals } from './edition.service';

export function editionByYear(context: BaseContext) {
  return context.loaders.get<number, BudgetEdition | null>('budgetEditionByYear', async (years) =>
    byKeys(years, await new EditionService(context.db).byYears(years), (row) => row.year),
  );
}

export function editionTotals(context: BaseContext) {
  return context.loaders.get<number, BudgetEditionTotals>('budgetEditionTotals', async (years) =>
    byKeys(years, await new EditionService(context.db).totals(years), (row) => row.year).map(
      (row) => row ?? emptyTotals(),
    ),
  );
}
