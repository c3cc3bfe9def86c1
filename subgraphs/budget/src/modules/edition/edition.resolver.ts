import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, pageSize, type Connection } from '#platform/pagination';
import { BudgetProject, BudgetProjectConnection } from '../project/project.entity';
import { BudgetProjectCriteria } from '../project/project.input';
import { projectsByEdition } from '../project/project.loader';
import { BudgetVoteSummary, BudgetVoteTally } from '../vote/vote.entity';
import { tallyOfEdition, voteSummaryOfEdition } from '../vote/vote.loader';
import { BudgetEdition, BudgetEditionTotals } from './edition.entity';
import { editionByYear, editionTotals } from './edition.loader';
import { EditionService, validateEdition } from './edition.service';

@Resolver(() => BudgetEdition)
export class EditionResolver {
  @Query(() => [BudgetEdition], { description: 'Every edition, oldest first.' })
  budgetEditions(@Ctx() context: BaseContext): Promise<BudgetEdition[]> {
    return new EditionService(context.db).list();
  }

  @Query(() => BudgetEdition, { nullable: true })
  budgetEdition(
    @Arg('year', () => Int) year: number,
    @Ctx() context: BaseContext,
  ): Promise<BudgetEdition | null> {
    validateEdition(year, 'year');
    return editionByYear(context).load(year);
  }

  @FieldResolver(() => BudgetProjectConnection, {
    description: 'The edition’s winning projects, newest first.',
  })
  projects(
    @Root() edition: BudgetEdition,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => BudgetProjectCriteria, { nullable: true }) filter: BudgetProjectCriteria | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<BudgetProject>> {
    return projectsByEdition(context, filter ?? {}, page).load(edition.year);
  }

  @FieldResolver(() => BudgetEditionTotals)
  totals(@Root() edition: BudgetEdition, @Ctx() context: BaseContext): Promise<BudgetEditionTotals> {
    return editionTotals(context).load(edition.year);
  }

  @FieldResolver(() => BudgetVoteSummary)
  votes(@Root() edition: BudgetEdition, @Ctx() context: BaseContext): Promise<BudgetVoteSummary> {
    return voteSummaryOfEdition(context).load(edition.year);
  }

  @FieldResolver(() => [BudgetVoteTally], {
    description: 'The most voted projects of the edition, most voted first.',
  })
  voteTally(
    @Root() edition: BudgetEdition,
    @Arg('first', () => Int, { nullable: true, description: '0–100, default 20.' }) first: number | null,
    @Ctx() context: BaseContext,
  ): Promise<BudgetVoteTally[]> {
    pageSize(first);
    return tallyOfEdition(context, first).load(edition.year);
  }
}
