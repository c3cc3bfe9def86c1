import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { pageSize } from '#platform/pagination';
import { validateEdition } from '../edition/edition.service';
import { BudgetProject } from '../project/project.entity';
import { projectById } from '../project/project.loader';
import { BudgetVote, BudgetVoteTally, CastVotePayload } from './vote.entity';
import { CastVoteInput } from './vote.input';
import { choicesOfVote, tallyOfEdition } from './vote.loader';
import { VoteService } from './vote.service';

@Resolver(() => BudgetVoteTally)
export class VoteTallyResolver {
  @Query(() => [BudgetVoteTally], {
    description: 'The most voted projects of an edition, most voted first (ties by id).',
  })
  voteTally(
    @Arg('edition', () => Int) edition: number,
    @Arg('first', () => Int, { nullable: true, description: '0–100, default 20.' }) first: number | null,
    @Ctx() context: BaseContext,
  ): Promise<BudgetVoteTally[]> {
    pageSize(first);
    validateEdition(edition, 'edition');
    return tallyOfEdition(context, first).load(edition);
  }

  @FieldResolver(() => BudgetProject)
  project(@Root() tally: BudgetVoteTally, @Ctx() context: BaseContext): Promise<BudgetProject | null> {
    return projectById(context).load(tally.projectId);
  }
}

@Resolver(() => BudgetVote)
export class VoteResolver {
  /**
   * Ballots come from the city's voting platform, which authenticates the citizen: only an
   * operator identity may record one, so nobody can vote in another citizen's name.
   */
  @Authorized('operator')
  @Mutation(() => CastVotePayload, {
    description:
      'Records a ballot: one per citizen and edition, idempotent on `voteId`, all or nothing. Operators only.',
  })
  async castVote(
    @Arg('input', () => CastVoteInput) input: CastVoteInput,
    @Ctx() context: BaseContext,
  ): Promise<CastVotePayload> {
    const { vote, replayed } = await new VoteService(context.db).castVote(input);
    return { vote, replayed };
  }

  @FieldResolver(() => [BudgetProject], { description: 'The projects chosen on the ballot.' })
  async projects(@Root() vote: BudgetVote, @Ctx() context: BaseContext): Promise<BudgetProject[]> {
    const ids = await choicesOfVote(context).load(vote.id);
    const projects = await projectById(context).loadMany(ids);
    return projects.filter(
      (project): project is BudgetProject => project !== null && !(project instanceof Error),
    );
  }
}
