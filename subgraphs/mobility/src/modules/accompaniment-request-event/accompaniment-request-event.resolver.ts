import { Args, Authorized, Ctx, FieldResolver, Resolver, Root, Subscription } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import type { LoggedEvent } from '#platform/events/log';
import { eventLogSubscription } from '#platform/events/subscribe';
import { AccompanimentRequest } from '../accompaniment-request/accompaniment-request.entity';
import { accompanimentRequestById } from '../accompaniment-request/accompaniment-request.loader';
import { isVisibleTo } from '../accompaniment-request/accompaniment-request.service';
import {
  AccompanimentRequestChangedArgs,
  AccompanimentRequestEvent,
  AccompanimentRequestOpenedArgs,
  type RequestEventPayload,
} from './accompaniment-request-event.entity';
import {
  changedRequestFilter,
  openedRequestFilter,
  REQUEST_STREAM,
} from './accompaniment-request-event.service';

function toEvent(event: LoggedEvent<RequestEventPayload>): AccompanimentRequestEvent {
  return {
    eventId: event.position.toString(),
    status: event.payload.status,
    occurredAt: event.createdAt,
    requestId: event.payload.requestId,
  };
}

@Resolver(() => AccompanimentRequestEvent)
export class AccompanimentRequestEventResolver {
  @Authorized('volunteer', 'operator')
  @Subscription(() => AccompanimentRequestEvent, {
    description:
      'Requests opened around a point (volunteers and operators), durable and resumable with `after`. ' +
      'Volunteers see the approximate location and no identity, as in `openAccompanimentRequests`.',
    subscribe: eventLogSubscription(REQUEST_STREAM, (args: AccompanimentRequestOpenedArgs, context) =>
      openedRequestFilter(context, args),
    ),
  })
  accompanimentRequestOpened(
    @Root() event: LoggedEvent<RequestEventPayload>,
    @Args(() => AccompanimentRequestOpenedArgs) _args: AccompanimentRequestOpenedArgs,
  ): AccompanimentRequestEvent {
    return toEvent(event);
  }

  @Authorized('operator', 'volunteer')
  @Subscription(() => AccompanimentRequestEvent, {
    description:
      'Every lifecycle step of requests (operators), or of the calling volunteer’s own missions; durable and resumable with `after`.',
    subscribe: eventLogSubscription(REQUEST_STREAM, (args: AccompanimentRequestChangedArgs, context) =>
      changedRequestFilter(context, args),
    ),
  })
  accompanimentRequestChanged(
    @Root() event: LoggedEvent<RequestEventPayload>,
    @Args(() => AccompanimentRequestChangedArgs) _args: AccompanimentRequestChangedArgs,
  ): AccompanimentRequestEvent {
    return toEvent(event);
  }

  @FieldResolver(() => AccompanimentRequest, {
    nullable: true,
    description:
      'The request as it is now, with its own access rules: null for a volunteer once it is no longer theirs ' +
      'to see (accepted by someone else, when replaying with `after`).',
  })
  async request(
    @Root() event: AccompanimentRequestEvent,
    @Ctx() context: BaseContext,
  ): Promise<AccompanimentRequest | null> {
    const request = await accompanimentRequestById(context).load(event.requestId);
    return request && isVisibleTo(context, request) ? request : null;
  }
}
