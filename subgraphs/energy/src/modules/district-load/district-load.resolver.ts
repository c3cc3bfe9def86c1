import { Args, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { DistrictLoadArgs, DistrictLoadEvent } from './district-load.entity';
import { IntervalTicker } from '#platform/events/interval-ticker';
import { DistrictLoadService } from './district-load.service';

@Resolver(() => DistrictLoadEvent)
export class DistrictLoadResolver {
  @Subscription(() => DistrictLoadEvent, {
    description:
      'The heating load (kW) of a district’s supervised buildings, one event per interval: the current one at once, then one at the end of each interval.',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, DistrictLoadArgs, BaseContext>) => {
      const service = new DistrictLoadService(context.db);
      const first = await service.firstIntervalEnd(args, Date.now() / 1000);
      return new IntervalTicker(
        (end) => service.load(args.districtId, args.intervalSeconds, end),
        args.intervalSeconds,
        first,
      );
    },
  })
  districtLoad(
    @Root() event: DistrictLoadEvent,
    @Args(() => DistrictLoadArgs) _args: DistrictLoadArgs,
  ): DistrictLoadEvent {
    return event;
  }
}
