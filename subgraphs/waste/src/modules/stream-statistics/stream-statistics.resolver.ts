import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { WasteStreamStatistics } from './stream-statistics.entity';
import { WasteStreamStatisticsFilter } from './stream-statistics.input';
import { StreamStatisticsService } from './stream-statistics.service';

@Resolver(() => WasteStreamStatistics)
export class StreamStatisticsResolver {
  @Query(() => [WasteStreamStatistics], {
    description:
      'Per stream and per hour, day, week or month (Paris calendar): reports, mean/min/max fill level, share at or ' +
      'above the alert threshold, collections, weight collected and mean time between collections, aggregated in the ' +
      'database. Ordered by stream, then bucket; buckets with neither reports nor collections are left out.',
  })
  wasteStreamStatistics(
    @Arg('filter', () => WasteStreamStatisticsFilter) filter: WasteStreamStatisticsFilter,
    @Ctx() context: BaseContext,
  ): Promise<WasteStreamStatistics[]> {
    return new StreamStatisticsService(context.db).statistics(filter);
  }
}
