import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { NearInput } from '#platform/geo';
import { PageArgs, type Connection } from '#platform/pagination';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { Beneficiary } from '../beneficiary/beneficiary.entity';
import { beneficiaryById } from '../beneficiary/beneficiary.loader';
import { Volunteer } from '../volunteer/volunteer.entity';
import { volunteerById } from '../volunteer/volunteer.loader';
import { validateSearchNear, VOLUNTEER_MAX_RADIUS_METERS } from './accompaniment-request.privacy';
import { AccompanimentRequest, AccompanimentRequestConnection } from './accompaniment-request.entity';
import {
  AccompanimentRequestFilter,
  CancelAccompanimentRequestInput,
  RequestAccompanimentInput,
} from './accompaniment-request.input';
import { accompanimentRequestById } from './accompaniment-request.loader';
import { AccompanimentRequestService, isVisibleTo } from './accompaniment-request.service';

@Resolver(() => AccompanimentRequest)
export class AccompanimentRequestResolver {
  @Authorized('operator')
  @Query(() => AccompanimentRequestConnection, {
    description: 'Every accompaniment request (operators), most recent `requestedFor` first.',
  })
  accompanimentRequests(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AccompanimentRequestFilter, { nullable: true })
    filter: AccompanimentRequestFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<AccompanimentRequest>> {
    return new AccompanimentRequestService(context.db).list(filter ?? {}, page);
  }

  @Authorized('operator', 'volunteer')
  @Query(() => AccompanimentRequest, {
    nullable: true,
    description:
      'One request: any for operators; for a volunteer, an open one or one they accepted (else null).',
  })
  async accompanimentRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() context: BaseContext,
  ): Promise<AccompanimentRequest | null> {
    const request = await accompanimentRequestById(context).load(id);
    return request && isVisibleTo(context, request) ? request : null;
  }

  @Authorized('volunteer', 'operator')
  @Query(() => AccompanimentRequestConnection, {
    description:
      'Requests waiting for a volunteer around a point, soonest first. They show the approximate (~200 m) ' +
      'pickup point and no identity; `near` is matched against that approximate point, within ' +
      `${VOLUNTEER_MAX_RADIUS_METERS} m for volunteers.`,
  })
  openAccompanimentRequests(
    @Arg('near', () => NearInput) near: NearInput,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: BaseContext,
  ): Promise<Connection<AccompanimentRequest>> {
    validateSearchNear(context, near);
    return new AccompanimentRequestService(context.db).open(near, page);
  }

  @Authorized('operator')
  @Mutation(() => AccompanimentRequest, {
    description:
      'Records a request taken on the free phone line; retrying with the same `clientRequestId` is safe.',
  })
  requestAccompaniment(
    @Arg('input', () => RequestAccompanimentInput) input: RequestAccompanimentInput,
    @Ctx() context: BaseContext,
  ): Promise<AccompanimentRequest> {
    return new AccompanimentRequestService(context.db).create(input);
  }

  @Authorized('operator')
  @Mutation(() => AccompanimentRequest, {
    description: 'Cancels a request that is not completed yet; cancelling it again returns it unchanged.',
  })
  cancelAccompanimentRequest(
    @Arg('input', () => CancelAccompanimentRequestInput) input: CancelAccompanimentRequestInput,
    @Ctx() context: BaseContext,
  ): Promise<AccompanimentRequest> {
    return new AccompanimentRequestService(context.db).cancel(input.id, input.reason);
  }

  @FieldResolver(() => Arrondissement, { description: 'The pickup arrondissement.' })
  arrondissement(@Root() request: AccompanimentRequest): Arrondissement {
    return { code: request.arrondissementCode };
  }

  @Authorized('operator')
  @FieldResolver(() => Beneficiary, {
    nullable: true,
    description: 'The person to accompany (operators only).',
  })
  beneficiary(
    @Root() request: AccompanimentRequest,
    @Ctx() context: BaseContext,
  ): Promise<Beneficiary | null> {
    return beneficiaryById(context).load(request.beneficiaryId);
  }

  @Authorized('operator')
  @FieldResolver(() => Volunteer, { nullable: true, description: 'Who accepted it (operators only).' })
  volunteer(@Root() request: AccompanimentRequest, @Ctx() context: BaseContext): Promise<Volunteer | null> {
    return request.volunteerId ? volunteerById(context).load(request.volunteerId) : Promise.resolve(null);
  }
}
