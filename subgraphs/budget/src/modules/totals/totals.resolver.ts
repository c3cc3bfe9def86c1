import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { BudgetTotals, BudgetTotalsDimension } from './totals.entity';
import { BudgetTotalsFilter } from './totals.input';
import { BudgetTotalsService } from './totals.service';

@Resolver(() => BudgetTotals)
export class BudgetTotalsResolver {
  @Query(() => [BudgetTotals], {
    description:
      'Winning projects counted and summed (budget, completed, votes) per edition, theme and/or arrondissement, ' +
      'computed in the database and ordered by those dimensions. Grouped by arrondissement, Paris Centre and ' +
      'Paris-wide projects form groups of their own, so every project counts once. No dimension: one total.',
  })
  budgetTotals(
    @Arg('groupBy', () => [BudgetTotalsDimension], {
      defaultValue: [
        BudgetTotalsDimension.EDITION,
        BudgetTotalsDimension.THEME,
        BudgetTotalsDimension.ARRONDISSEMENT,
      ],
    })
    groupBy: BudgetTotalsDimension[],
    @Arg('filter', () => BudgetTotalsFilter, { nullable: true }) filter: BudgetTotalsFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<BudgetTotals[]> {
    return new BudgetTotalsService(context.db).totals(groupBy, filter ?? {});
  }

  @FieldResolver(() => Arrondissement, {
    nullable: true,
    description: 'The arrondissement of an ARRONDISSEMENT group; null for the other areas.',
  })
  arrondissement(@Root() totals: BudgetTotals): Arrondissement | null {
    return totals.arrondissementCode === null ? null : { code: totals.arrondissementCode };
  }
}
