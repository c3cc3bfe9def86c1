import { budgetDatasets } from '#datasets/budget/catalog';
import { isBudgetSeeded, seedBudget } from '#datasets/budget/index';
import { budgetMigrations } from '#migrations/budget/index';
import type { SubgraphDefinition } from '#platform/subgraph';
import { budget as budgetService } from '#budget/index';

/** The budget subgraph joined with what feeds it: its migrations and its datasets. */
export const budget: SubgraphDefinition = {
  ...budgetService,
  migrations: budgetMigrations,
  datasets: budgetDatasets,
  isSeeded: isBudgetSeeded,
  seed: seedBudget,
};
