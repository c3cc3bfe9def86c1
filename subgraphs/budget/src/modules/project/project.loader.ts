import { byKeys, type BaseContext } from '#platform/context';
import type { Connection, PageArgs } from '#platform/pagination';
import type { BudgetProject } from './project.entity';
import type { BudgetProjectCriteria } from './project.input';
import { ProjectService } from './project.service';

/** Projects by id, batched per request (federation `_entities`, tallies, ballots). */
export function projectById(context: BaseContext) {
  return context.loaders.get<number, BudgetProject | null>('budgetProjectById', async (ids) =>
    byKeys(ids, await new ProjectService(context.db).byIds(ids), (row) => row.id),
  );
}

/** `Arrondissement.budgetProjects(...)` for every arrondissement of the response at once; `rows: false` counts only. */
export function projectsByArrondissement(
  context: BaseContext,
  criteria: BudgetProjectCriteria,
  args: PageArgs,
  rows: boolean,
) {
  return context.loaders.get<number, Connection<BudgetProject>>(
    'budgetProjectsByArrondissement',
    (codes) => new ProjectService(context.db).pageByArrondissements(codes, criteria, args, rows),
    { criteria, args, rows },
  );
}

/** `BudgetEdition.projects(...)` for every edition of the response at once. */
export function projectsByEdition(context: BaseContext, criteria: BudgetProjectCriteria, args: PageArgs) {
  return context.loaders.get<number, Connection<BudgetProject>>(
    'budgetProjectsByEdition',
    (years) => new ProjectService(context.db).pageByEditions(years, criteria, args),
    { criteria, args },
  );
}
