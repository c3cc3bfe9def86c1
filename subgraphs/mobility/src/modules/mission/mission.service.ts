import type { DataSource, EntityManager } from 'typeorm';
import type { BaseContext } from '#platform/context';
import { badInput, conflict, forbidden, notFound } from '#platform/errors';
import { paginate, type Connection, type PageArgs } from '#platform/pagination';
import { isOperator, volunteerSubject } from '../../privacy';
import {
  AccompanimentRequest,
  AccompanimentStatus,
} from '../accompaniment-request/accompaniment-request.entity';
import { REQUEST_ORDER } from '../accompaniment-request/accompaniment-request.service';
import { appendRequestEvent } from '../accompaniment-request-event/accompaniment-request-event.service';
import { Volunteer } from '../volunteer/volunteer.entity';
import { Mission } from './mission.entity';

/** Operators may act on any mission; a volunteer only on their own. */
export function assertMissionActor(context: BaseContext, volunteerId: string | null): void {
  if (isOperator(context)) return;
  const volunteer = volunteerSubject(context);
  if (!volunteer || volunteer !== volunteerId)
    throw forbidden('Only the volunteer of this mission and operators can do this');
}

/**
 * The volunteer lifecycle: accept, start, complete. Each step is one conditional UPDATE inside a
 * transaction, so concurrent calls cannot both succeed, and repeating a step that already
 * happened (a client retrying after a timeout) returns the mission unchanged. A step that changed
 * the row appends its event in the same transaction; a retry appends none.
 */
export class MissionService {
  constructor(private readonly db: DataSource) {}

  /** The missions of one volunteer, most recent `requestedFor` first. */
  async ofVolunteer(
    volunteerId: string,
    status: AccompanimentStatus | null | undefined,
    page: PageArgs,
  ): Promise<Connection<Mission>> {
    const query = this.db
      .getRepository(AccompanimentRequest)
      .createQueryBuilder('request')
      .where('request.volunteerId = :volunteerId', { volunteerId });
    if (status) query.andWhere('request.status = :status', { status });
    const connection = await paginate(query, page, REQUEST_ORDER);
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: Mission.of(edge.node) })),
    };
  }

  /**
   * Gives an open request to a volunteer. `UPDATE ... WHERE status = 'OPEN'` is the arbiter: under
   * concurrency PostgreSQL lets exactly one such update change the row; the others see it ACCEPTED
   * and get a CONFLICT (or the mission back, if they are the volunteer who already won it).
   */
  async accept(
    context: BaseContext,
    requestId: string,
    volunteerIdArgument: string | null | undefined,
  ): Promise<Mission> {
    const volunteerId = this.acceptingVolunteer(context, volunteerIdArgument);
    return this.db.transaction(async (manager) => {
      const volunteer = await manager.findOneBy(Volunteer, { id: volunteerId });
      if (!volunteer || !volunteer.active) {
        if (isOperator(context))
          throw badInput(`No active volunteer has the id ${volunteerId}`, 'volunteerId');
        throw forbidden('This account is not an active Paris en Compagnie volunteer');
      }
      const updated = await manager
        .createQueryBuilder()
        .update(AccompanimentRequest)
        .set({ status: AccompanimentStatus.ACCEPTED, volunteerId, acceptedAt: () => 'now()' })
        .where('id = :id AND status = :open', { id: requestId, open: AccompanimentStatus.OPEN })
        .execute();
      const request = await this.current(manager, requestId);
      if (updated.affected === 1) await appendRequestEvent(manager, request);
      if (updated.affected === 1 || request.volunteerId === volunteerId) return Mission.of(request);
      if (request.status === AccompanimentStatus.CANCELLED)
        throw conflict(`Accompaniment request ${requestId} was cancelled`);
      throw conflict(`Accompaniment request ${requestId} has already been accepted by another volunteer`);
    });
  }

  start(context: BaseContext, requestId: string): Promise<Mission> {
    return this.advance(
      context,
      requestId,
      AccompanimentStatus.ACCEPTED,
      AccompanimentStatus.IN_PROGRESS,
      'startedAt',
    );
  }

  complete(context: BaseContext, requestId: string): Promise<Mission> {
    return this.advance(
      context,
      requestId,
      AccompanimentStatus.IN_PROGRESS,
      AccompanimentStatus.COMPLETED,
      'completedAt',
    );
  }

  private acceptingVolunteer(context: BaseContext, volunteerIdArgument: string | null | undefined): string {
    if (isOperator(context)) {
      if (!volunteerIdArgument)
        throw badInput('Operators must say which volunteer accepts: `volunteerId`', 'volunteerId');
      return volunteerIdArgument;
    }
    const self = volunteerSubject(context);
    if (!self) throw forbidden('Only volunteers and operators can accept a request');
    if (volunteerIdArgument && volunteerIdArgument !== self)
      throw forbidden('A volunteer can only accept for themself');
    return self;
  }

  private async advance(
    context: BaseContext,
    requestId: string,
    from: AccompanimentStatus,
    to: AccompanimentStatus,
    timestamp: 'startedAt' | 'completedAt',
  ): Promise<Mission> {
    return this.db.transaction(async (manager) => {
      const before = await this.current(manager, requestId);
      assertMissionActor(context, before.volunteerId);
      const updated = await manager
        .createQueryBuilder()
        .update(AccompanimentRequest)
        .set({ status: to, [timestamp]: () => 'now()' })
        .where('id = :id AND status = :from', { id: requestId, from })
        .execute();
      const request = await this.current(manager, requestId);
      if (updated.affected === 1) await appendRequestEvent(manager, request);
      if (updated.affected === 1 || request.status === to) return Mission.of(request);
      throw conflict(`Mission ${requestId} is ${request.status}: it cannot go to ${to} (it must be ${from})`);
    });
  }

  private async current(manager: EntityManager, requestId: string): Promise<AccompanimentRequest> {
    const request = await manager.findOneBy(AccompanimentRequest, { id: requestId });
    if (!request) throw notFound(`No accompaniment request has the id ${requestId}`);
    return request;
  }
}
