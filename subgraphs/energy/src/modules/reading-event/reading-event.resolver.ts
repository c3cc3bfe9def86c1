import { Args, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { BaseContext } from '../../../../../platform/src/context';
import type { LoggedEvent } from '../../../../../platform/src/events/log';
import { subscribeToEvents } from '../../../../../platform/src/events/subscribe';
import { EnergyReadingEvent, EnergyReadingEventArgs, type ReadingEventPayload } from './reading-event.entity';
import { READING_STREAM, readingEventFilter, readingOf } from './reading-event.service';

@Resolver(() => EnergyReadingEvent)
export class ReadingEventResolver {
  @Subscription(() => EnergyReadingEvent, {
    description:
      'Every reading stored for the meters chosen (all, or by building, meter, district or arrondissement), durable and resumable with `after`.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, EnergyReadingEventArgs, BaseContext>) =>
      subscribeToEvents({
        context,
        stream: READING_STREAM,
        after: args.after,
        accept: readingEventFilter(args),
      }),
  })
  energyReadings(
    @Root() event: LoggedEvent<ReadingEventPayload>,
    @Args(() => EnergyReadingEventArgs) _args: EnergyReadingEventArgs,
  ): EnergyReadingEvent {
    return { eventId: event.position.toString(), reading: readingOf(event.payload) };
  }
}
