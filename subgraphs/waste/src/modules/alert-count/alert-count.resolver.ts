import { Args, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import type { LoggedEvent } from '#platform/events/log';
import { eventLogSubscription } from '#platform/events/subscribe';
import type { StationEventPayload } from '../station-event/station-event.entity';
import { STATION_STREAM } from '../station-event/station-event.service';
import {
  WasteAlertCount,
  WasteAlertCountChangedArgs,
  WasteAlertCountEvent,
  WasteAlertCountsArgs,
} from './alert-count.entity';
import { alertCountFilter, AlertCountService } from './alert-count.service';

@Resolver(() => WasteAlertCount)
export class AlertCountResolver {
  @Query(() => [WasteAlertCount], {
    description:
      'Per arrondissement (1–20), the containers and stations at or above the alert threshold now.',
  })
  wasteAlertCounts(
    @Args(() => WasteAlertCountsArgs) args: WasteAlertCountsArgs,
    @Ctx() context: BaseContext,
  ): Promise<WasteAlertCount[]> {
    return new AlertCountService(context.db).counts(args.threshold);
  }

  @Subscription(() => WasteAlertCountEvent, {
    description:
      'An arrondissement’s alert count each time one of its containers crosses the threshold (rising, or emptied), durable and resumable with `after`.',
    subscribe: eventLogSubscription(STATION_STREAM, alertCountFilter),
  })
  async wasteAlertCountChanged(
    @Root() event: LoggedEvent<StationEventPayload>,
    @Args(() => WasteAlertCountChangedArgs) args: WasteAlertCountChangedArgs,
    @Ctx() context: BaseContext,
  ): Promise<WasteAlertCountEvent> {
    const [count] = await new AlertCountService(context.db).counts(
      args.threshold,
      event.payload.arrondissement,
    );
    return { ...count, eventId: event.position.toString() };
  }
}
