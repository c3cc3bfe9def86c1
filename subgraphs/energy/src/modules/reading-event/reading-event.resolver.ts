import { Args, Resolver, Root, Subscription } from 'type-graphql';
import type { LoggedEvent } from '#platform/events/log';
import { eventLogSubscription } from '#platform/events/subscribe';
import { EnergyReadingEvent, EnergyReadingEventArgs, type ReadingEventPayload } from './reading-event.entity';
import { READING_STREAM, readingEventFilter, readingOf } from './reading-event.service';

@Resolver(() => EnergyReadingEvent)
export class ReadingEventResolver {
  @Subscription(() => EnergyReadingEvent, {
    description:
      'Every reading stored for the meters chosen (all, or by building, meter, district or arrondissement), durable and resumable with `after`.',
    subscribe: eventLogSubscription(READING_STREAM, readingEventFilter),
  })
  energyReadings(
    @Root() event: LoggedEvent<ReadingEventPayload>,
    @Args(() => EnergyReadingEventArgs) _args: EnergyReadingEventArgs,
  ): EnergyReadingEvent {
    return { eventId: event.position.toString(), reading: readingOf(event.payload) };
  }
}
