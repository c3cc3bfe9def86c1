import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { NearInput } from '#platform/geo';
import { AccompanimentStatus } from '../accompaniment-request/accompaniment-request.entity';

/**
 * What the event log keeps for each lifecycle step of a request (stream `mobility-request`): only
 * what the subscriptions filter on. The point is the approximate one, so the log holds no exact
 * address; the request itself is read afresh, with its access rules, when an event is resolved.
 */
export interface RequestEventPayload {
  requestId: string;
  status: AccompanimentStatus;
  volunteerId: string | null;
  approximateLatitude: number;
  approximateLongitude: number;
}

@ObjectType('AccompanimentRequestEvent', {
  description: 'A step of an accompaniment request’s lifecycle, in the order it was stored.',
})
export class AccompanimentRequestEvent {
  @Field(() => ID, {
    description: 'Position in the request stream: give it as `after` to resume right after this event.',
  })
  eventId: string;

  @Field(() => AccompanimentStatus, { description: 'The status the request moved to.' })
  status: AccompanimentStatus;

  @Field(() => Date)
  occurredAt: Date;

  requestId: string;
}

@ArgsType()
export class AccompanimentRequestOpenedArgs {
  @Field(() => NearInput, { description: 'Matched against the approximate (~200 m) pickup point.' })
  near: NearInput;

  @Field(() => ID, {
    nullable: true,
    description: 'Resume after this eventId: every later event, in order, then live ones.',
  })
  after?: string | null;
}

@ArgsType()
export class AccompanimentRequestChangedArgs {
  @Field(() => ID, { nullable: true, description: 'Only this request.' })
  requestId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Resume after this eventId: every later event, in order, then live ones.',
  })
  after?: string | null;
}
