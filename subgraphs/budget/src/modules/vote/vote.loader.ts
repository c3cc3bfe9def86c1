import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { BudgetVoteSummary, BudgetVoteTally } from './vote.entity';
import { VoteService } from './vote.service';

/** Ballots that chose each project, batched per request. */
export function votesOfProject(context: BaseContext) {
  return context.loaders.get<number, number>('budgetVotesOfProject', async (ids) => {
    const votes = await new VoteService(context.db).votesByProject(ids);
    return ids.map((id) => votes.get(id) ?? 0);
  });
}

export function voteSummaryOfEdition(context: BaseContext) {
  return context.loaders.get<number, BudgetVoteSummary>('budgetVoteSummaryOfEdition', async (years) =>
    byKeys(years, await new VoteService(context.db).summaries(years), (row) => row.edition).map(
      (row) => row ?? { ballots: 0, choices: 0, generatedBallots: 0, castBallots: 0 },
    ),
  );
}

/** The project ids a ballot chose. */
export function choicesOfVote(context: BaseContext) {
  return context.loaders.get<string, number[]>('budgetChoicesOfVote', async (voteIds) => {
    const choices = await new VoteService(context.db).choicesOf(voteIds);
    return groupByKeys(voteIds, choices, (choice) => choice.voteId).map((group) =>
      group.map((choice) => choice.projectId),
    );
  });
}

/** The most voted projects of each edition, batched over the editions of a response. */
export function tallyOfEdition(context: BaseContext, first: number | null | undefined) {
  return context.loaders.get<number, BudgetVoteTally[]>(
    'budgetTallyOfEdition',
    async (editions) =>
      groupByKeys(
        editions,
        await new VoteService(context.db).tallies(editions, first),
        (tally) => tally.edition,
      ),
    { first },
  );
}
