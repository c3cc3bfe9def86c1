import 'reflect-metadata';
import type { SubgraphService } from '#platform/subgraph';
import { BudgetEdition } from './modules/edition/edition.entity';
import { BudgetProject, BudgetProjectInArrondissement } from './modules/project/project.entity';
import { BudgetVote, BudgetVoteChoice } from './modules/vote/vote.entity';
import {
  VOTE_TALLY_POSITION_FIELD,
  VOTE_TALLY_STREAM,
} from './modules/vote-tally-event/vote-tally-event.service';
import { buildBudgetSchema } from './schema';

/** Participatory Budget: the editions, their winning projects, and the ballots cast for them. */
export const budget: SubgraphService = {
  name: 'budget',
  entities: [BudgetEdition, BudgetProject, BudgetProjectInArrondissement, BudgetVote, BudgetVoteChoice],
  buildSchema: buildBudgetSchema,
  eventPositions: { [VOTE_TALLY_POSITION_FIELD]: VOTE_TALLY_STREAM },
};
