import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ARRONDISSEMENT_CODES, validateArrondissement } from '#platform/city';
import type { BaseContext } from '#platform/context';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { AccompanimentStatsCell, AccompanimentStatsPeriod } from './accompaniment-stats.entity';
import { AccompanimentStatsFilter } from './accompaniment-stats.input';
import { accompanimentStatsByArrondissement } from './accompaniment-stats.loader';
import { AccompanimentStatsService } from './accompaniment-stats.service';

@Resolver(() => AccompanimentStatsCell)
export class AccompanimentStatsResolver {
  @Query(() => [AccompanimentStatsCell], {
    description:
      'Public aggregates of Paris en Compagnie per arrondissement and closed month or year (YEAR by default), ' +
      'ordered by arrondissement then period. Cells with small counts are suppressed.',
  })
  async accompanimentStats(
    @Arg('filter', () => AccompanimentStatsFilter, { nullable: true })
    filter: AccompanimentStatsFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<AccompanimentStatsCell[]> {
    const range = {
      period: filter?.period ?? AccompanimentStatsPeriod.YEAR,
      fromYear: filter?.fromYear,
      toYear: filter?.toYear,
    };
    validateArrondissement(filter?.arrondissement);
    AccompanimentStatsService.validateRange(range);
    const codes = filter?.arrondissement ? [filter.arrondissement] : ARRONDISSEMENT_CODES;
    const cells = await accompanimentStatsByArrondissement(context).loadMany(codes);
    return cells.flatMap((entry) => {
      if (entry instanceof Error) throw entry;
      return AccompanimentStatsService.select(entry, range);
    });
  }

  @FieldResolver(() => Arrondissement)
  arrondissement(@Root() cell: AccompanimentStatsCell): Arrondissement {
    return { code: cell.arrondissementCode };
  }
}
