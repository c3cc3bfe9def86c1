import 'reflect-metadata';
import { runSubgraphMain } from '../../../platform/src/main';
import type { SubgraphDefinition } from '../../../platform/src/subgraph';
import { budgetMigrations } from '../../../migrations/budget';
import { isBudgetSeeded, seedBudget } from '../../../datasets/budget';
import { budgetDatasets } from '../../../datasets/budget/catalog';
import { BudgetEdition } from './modules/edition/edition.entity';
import { BudgetProject, BudgetProjectInArrondissement } from './modules/project/project.entity';
import { BudgetVote, BudgetVoteChoice } from './modules/vote/vote.entity';
import { buildBudgetSchema } from './schema';

/** Participatory Budget: the editions, their winning projects, and the ballots cast for them. */
export const budget: SubgraphDefinition = {
  name: 'budget',
  entities: [BudgetEdition, BudgetProject, BudgetProjectInArrondissement, BudgetVote, BudgetVoteChoice],
  migrations: budgetMigrations,
  buildSchema: buildBudgetSchema,
  datasets: budgetDatasets,
  isSeeded: isBudgetSeeded,
  seed: seedBudget,
};

if (require.main === module) runSubgraphMain(budget);
