import { Args, Ctx, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { IntervalTicker } from '#platform/events/interval-ticker';
import {
  OpenAccompanimentRequestCountsArgs,
  OpenAccompanimentRequestCountsEvent,
} from './open-request-count.entity';
import { OpenRequestCountService } from './open-request-count.service';

@Resolver(() => OpenAccompanimentRequestCountsEvent)
export class OpenRequestCountResolver {
  @Query(() => OpenAccompanimentRequestCountsEvent, {
    description:
      'Requests waiting for a volunteer per arrondissement now (public: counts under 5 withheld, no personal data).',
  })
  openAccompanimentRequestCounts(@Ctx() context: BaseContext): Promise<OpenAccompanimentRequestCountsEvent> {
    return new OpenRequestCountService(context.db).countsAt(Math.floor(Date.now() / 1000), 0);
  }

  @Subscription(() => OpenAccompanimentRequestCountsEvent, {
    name: 'openAccompanimentRequestCounts',
    description:
      'Requests waiting for a volunteer per arrondissement, one event per interval: the current counts at once, then at the end of each interval (public: counts under 5 withheld).',
    subscribe: ({
      args,
      context,
    }: SubscribeResolverData<unknown, OpenAccompanimentRequestCountsArgs, BaseContext>) => {
      const service = new OpenRequestCountService(context.db);
      const first = service.firstIntervalEnd(args, Date.now() / 1000);
      return new IntervalTicker(
        (end) => service.countsAt(end, args.intervalSeconds),
        args.intervalSeconds,
        first,
      );
    },
  })
  openAccompanimentRequestCountsChanged(
    @Root() event: OpenAccompanimentRequestCountsEvent,
    @Args(() => OpenAccompanimentRequestCountsArgs) _args: OpenAccompanimentRequestCountsArgs,
  ): OpenAccompanimentRequestCountsEvent {
    return event;
  }
}
