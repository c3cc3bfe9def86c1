import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { AccompanimentStatsCell } from '../accompaniment-stats/accompaniment-stats.entity';
import { AccompanimentStatsArgs } from '../accompaniment-stats/accompaniment-stats.input';
import { accompanimentStatsByArrondissement } from '../accompaniment-stats/accompaniment-stats.loader';
import { AccompanimentStatsService } from '../accompaniment-stats/accompaniment-stats.service';
import { Arrondissement } from './arrondissement.entity';

@Resolver(() => Arrondissement)
export class ArrondissementResolver {
  @FieldResolver(() => [AccompanimentStatsCell], {
    description:
      'Paris en Compagnie in this arrondissement per closed month or year (YEAR by default), small counts suppressed.',
  })
  async accompanimentStats(
    @Root() arrondissement: Arrondissement,
    @Args(() => AccompanimentStatsArgs) range: AccompanimentStatsArgs,
    @Ctx() context: BaseContext,
  ): Promise<AccompanimentStatsCell[]> {
    AccompanimentStatsService.validateRange(range);
    return AccompanimentStatsService.select(
      await accompanimentStatsByArrondissement(context).load(arrondissement.code),
      range,
    );
  }
}
