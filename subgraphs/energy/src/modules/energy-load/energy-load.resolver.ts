import { Args, Ctx, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { IntervalTicker } from '#platform/events/interval-ticker';
import { EnergyLoadArgs, EnergyLoadEvent, EnergyLoadQueryArgs } from './energy-load.entity';
import { EnergyLoadService } from './energy-load.service';

@Resolver(() => EnergyLoadEvent)
export class EnergyLoadResolver {
  @Query(() => EnergyLoadEvent, {
    description:
      'The energy load (kW) of the city, or of one arrondissement, over the latest interval, with each arrondissement’s share.',
  })
  energyLoad(@Args(() => EnergyLoadQueryArgs) args: EnergyLoadQueryArgs, @Ctx() context: BaseContext) {
    return new EnergyLoadService(context.db).current(args.arrondissement, args.intervalSeconds);
  }

  @Subscription(() => EnergyLoadEvent, {
    name: 'energyLoad',
    description:
      'The energy load (kW) of the city, or of one arrondissement, one event per interval with each arrondissement’s share: the current one at once, then one at the end of each interval.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, EnergyLoadArgs, BaseContext>) => {
      const service = new EnergyLoadService(context.db);
      const first = service.firstIntervalEnd(args, Date.now() / 1000);
      return new IntervalTicker(
        (end) => service.load(args.arrondissement, args.intervalSeconds, end),
        args.intervalSeconds,
        first,
      );
    },
  })
  energyLoadChanged(
    @Root() event: EnergyLoadEvent,
    @Args(() => EnergyLoadArgs) _args: EnergyLoadArgs,
  ): EnergyLoadEvent {
    return event;
  }
}
