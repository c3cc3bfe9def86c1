import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { forbidden } from '#platform/errors';
import { Location } from '#platform/geo';
import { type Connection } from '#platform/pagination';
import { isOperator, volunteerSubject } from '../../privacy';
import { AccompanimentRequest } from '../accompaniment-request/accompaniment-request.entity';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { beneficiaryById } from '../beneficiary/beneficiary.loader';
import { Volunteer } from '../volunteer/volunteer.entity';
import { volunteerById } from '../volunteer/volunteer.loader';
import { Mission, MissionContact, MissionConnection } from './mission.entity';
import { AcceptAccompanimentRequestArgs, MyMissionsArgs } from './mission.input';
import { assertMissionActor, MissionService } from './mission.service';

@Resolver(() => Mission)
export class MissionResolver {
  @Authorized('volunteer')
  @Query(() => MissionConnection, {
    description:
      "The calling volunteer's missions (their token's subject is their volunteer id), most recent first.",
  })
  myMissions(
    @Args(() => MyMissionsArgs) args: MyMissionsArgs,
    @Ctx() context: BaseContext,
  ): Promise<Connection<Mission>> {
    const volunteer = volunteerSubject(context);
    if (!volunteer) throw forbidden('A volunteer token must name the volunteer (its subject)');
    return new MissionService(context.db).ofVolunteer(volunteer, args.status, args);
  }

  @Authorized('volunteer', 'operator')
  @Mutation(() => Mission, {
    description:
      'Takes an open request. Exactly one volunteer wins when several accept at once; the others get CONFLICT. ' +
      'Accepting again a request one already holds returns the mission (safe retry).',
  })
  acceptAccompanimentRequest(
    @Args(() => AcceptAccompanimentRequestArgs) args: AcceptAccompanimentRequestArgs,
    @Ctx() context: BaseContext,
  ): Promise<Mission> {
    return new MissionService(context.db).accept(context, args.id, args.volunteerId);
  }

  @Authorized('volunteer', 'operator')
  @Mutation(() => Mission, {
    description: 'The volunteer has met the person: ACCEPTED -> IN_PROGRESS (idempotent).',
  })
  startMission(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Mission> {
    return new MissionService(context.db).start(context, id);
  }

  @Authorized('volunteer', 'operator')
  @Mutation(() => Mission, { description: 'The person is back home: IN_PROGRESS -> COMPLETED (idempotent).' })
  completeMission(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Mission> {
    return new MissionService(context.db).complete(context, id);
  }

  @FieldResolver(() => AccompanimentRequest, { description: 'The request, with its own access rules.' })
  request(@Root() mission: Mission): AccompanimentRequest {
    return mission.request;
  }

  @FieldResolver(() => Arrondissement, { description: 'The pickup arrondissement.' })
  arrondissement(@Root() mission: Mission): Arrondissement {
    return { code: mission.request.arrondissementCode };
  }

  /** Often the person's home: like the contact, the volunteer needs it to meet, not afterwards. */
  @Authorized('operator', 'volunteer')
  @FieldResolver(() => Location, {
    nullable: true,
    description:
      'The exact pickup point: for the assigned volunteer while the mission is underway, and operators.',
  })
  meetingPoint(@Root() mission: Mission, @Ctx() context: BaseContext): Location | null {
    assertMissionActor(context, mission.volunteerId);
    if (!mission.isUnderway && !isOperator(context)) return null;
    return { latitude: mission.request.exactLatitude, longitude: mission.request.exactLongitude };
  }

  @Authorized('operator', 'volunteer')
  @FieldResolver(() => MissionContact, {
    nullable: true,
    description:
      'How to reach the person: for the assigned volunteer while the mission is underway, and operators.',
  })
  async contact(@Root() mission: Mission, @Ctx() context: BaseContext): Promise<MissionContact | null> {
    assertMissionActor(context, mission.volunteerId);
    if (!mission.isUnderway && !isOperator(context)) return null;
    const beneficiary = await beneficiaryById(context).load(mission.request.beneficiaryId);
    return beneficiary
      ? Object.assign(new MissionContact(), { givenName: beneficiary.givenName, phone: beneficiary.phone })
      : null;
  }

  @Authorized('operator')
  @FieldResolver(() => Volunteer, { nullable: true, description: 'Operators only.' })
  volunteer(@Root() mission: Mission, @Ctx() context: BaseContext): Promise<Volunteer | null> {
    return volunteerById(context).load(mission.volunteerId);
  }
}
