import { Authorized, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  AccompanimentPurpose,
  AccompanimentStatus,
  AccompanimentTransportMode,
  type AccompanimentRequest,
} from '../accompaniment-request/accompaniment-request.entity';
import { ConnectionType } from '#platform/pagination';

/**
 * An accompaniment request seen from the volunteer who accepted it. It is not a table of its own:
 * the request row carries the whole lifecycle, so a mission exists exactly when a request has a
 * volunteer, and its id is the request's.
 */
@Directive('@key(fields: "id")')
@ObjectType('Mission', { description: 'An accepted accompaniment request, from the side of its volunteer.' })
export class Mission {
  @Field(() => ID, { description: 'The id of the accompaniment request.' })
  id: string;

  @Field(() => AccompanimentStatus)
  status: AccompanimentStatus;

  @Field(() => AccompanimentPurpose)
  purpose: AccompanimentPurpose;

  @Field(() => AccompanimentTransportMode)
  transportMode: AccompanimentTransportMode;

  @Field(() => Date)
  requestedFor: Date;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => Date)
  acceptedAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  /** The request row the mission is read from (not a GraphQL field: its resolver applies the request's rules). */
  request: AccompanimentRequest;

  static of(request: AccompanimentRequest): Mission {
    if (!request.volunteerId || !request.acceptedAt) {
      throw new Error(`Request ${request.id} has no volunteer, so it is not a mission`);
    }
    return Object.assign(new Mission(), {
      id: request.id,
      status: request.status,
      purpose: request.purpose,
      transportMode: request.transportMode,
      requestedFor: request.requestedFor,
      durationMinutes: request.durationMinutes,
      acceptedAt: request.acceptedAt,
      startedAt: request.startedAt,
      completedAt: request.completedAt,
      cancelledAt: request.cancelledAt,
      request,
    });
  }

  get volunteerId(): string {
    return this.request.volunteerId as string;
  }

  /** Contact details are needed to meet, not afterwards: they disappear once the mission is over. */
  get isUnderway(): boolean {
    return this.status === AccompanimentStatus.ACCEPTED || this.status === AccompanimentStatus.IN_PROGRESS;
  }
}

/** What the assigned volunteer needs to meet the person: a first name and a phone number, nothing else. */
@ObjectType('MissionContact')
export class MissionContact {
  @Authorized('operator', 'volunteer')
  @Field(() => String)
  givenName: string;

  @Authorized('operator', 'volunteer')
  @Field(() => String)
  phone: string;
}

@ObjectType('MissionConnection')
export class MissionConnection extends ConnectionType(Mission) {}
