import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { badInput, conflict, notFound } from '#platform/errors';
import { whereNear, type NearInput } from '#platform/geo';
import { paginate, type Connection, type PageArgs, type PageOrder } from '#platform/pagination';
import type { BaseContext } from '#platform/context';
import { isOperator, volunteerSubject } from '../../privacy';
import { appendRequestEvent } from '../accompaniment-request-event/accompaniment-request-event.service';
import { Beneficiary } from '../beneficiary/beneficiary.entity';
import {
  AccompanimentCancellationReason,
  AccompanimentRequest,
  AccompanimentStatus,
  approximatePoint,
} from './accompaniment-request.entity';
import type { AccompanimentRequestFilter, RequestAccompanimentInput } from './accompaniment-request.input';

/** Operators read the most recent outings first. */
export const REQUEST_ORDER: PageOrder<AccompanimentRequest> = {
  alias: 'request',
  id: 'id',
  sort: 'requestedFor',
  direction: 'DESC',
};

/** Volunteers browse open requests soonest first. */
const OPEN_REQUEST_ORDER: PageOrder<AccompanimentRequest> = { ...REQUEST_ORDER, direction: 'ASC' };

const MAX_DAYS_AHEAD = 180;
const DAY_MS = 86_400_000;
/** A generous box around Paris intra-muros (the Bois included): a pickup outside it is a typo. */
const PARIS_BOX = { south: 48.8, north: 48.91, west: 2.22, east: 2.47 };

export class AccompanimentRequestService {
  constructor(private readonly db: DataSource) {}

  query(): SelectQueryBuilder<AccompanimentRequest> {
    return this.db.getRepository(AccompanimentRequest).createQueryBuilder('request');
  }

  list(filter: AccompanimentRequestFilter, page: PageArgs): Promise<Connection<AccompanimentRequest>> {
    validateArrondissement(filter.arrondissement);
    if (filter.requestedFrom && filter.requestedBefore && filter.requestedFrom >= filter.requestedBefore) {
      throw badInput('`requestedFrom` must be before `requestedBefore`', 'filter');
    }
    const query = this.query();
    if (filter.arrondissement)
      query.andWhere('request.arrondissementCode = :code', { code: filter.arrondissement });
    if (filter.status) query.andWhere('request.status = :status', { status: filter.status });
    if (filter.purpose) query.andWhere('request.purpose = :purpose', { purpose: filter.purpose });
    if (filter.requestedFrom) query.andWhere('request.requestedFor >= :from', { from: filter.requestedFrom });
    if (filter.requestedBefore)
      query.andWhere('request.requestedFor < :before', { before: filter.requestedBefore });
    if (filter.beneficiaryId)
      query.andWhere('request.beneficiaryId = :beneficiary', { beneficiary: filter.beneficiaryId });
    if (filter.volunteerId)
      query.andWhere('request.volunteerId = :volunteer', { volunteer: filter.volunteerId });
    if (filter.near) whereNear(query, 'request', filter.near);
    return paginate(query, page, REQUEST_ORDER);
  }

  /** Open requests around a point, matched on their approximate location only (it is all volunteers may see). */
  open(near: NearInput, page: PageArgs): Promise<Connection<AccompanimentRequest>> {
    const query = whereNear(this.query(), 'request', near).andWhere('request.status = :status', {
      status: AccompanimentStatus.OPEN,
    });
    return paginate(query, page, OPEN_REQUEST_ORDER);
  }

  byIds(ids: readonly string[]): Promise<AccompanimentRequest[]> {
    return this.query()
      .where('request.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /**
   * Records a request taken on the phone. `clientRequestId` makes it safe to retry: the same key
   * returns the request it first created (and appends no second event), and a key reused for a
   * different request is a CONFLICT.
   */
  async create(input: RequestAccompanimentInput, now = new Date()): Promise<AccompanimentRequest> {
    const clientRequestId = input.clientRequestId.trim();
    if (clientRequestId.length === 0 || clientRequestId.length > 100) {
      throw badInput('`clientRequestId` must have 1 to 100 characters', 'clientRequestId');
    }
    const requestedFor = input.requestedFor;
    if (!(
      requestedFor.getTime() > now.getTime() &&
      requestedFor.getTime() <= now.getTime() + MAX_DAYS_AHEAD * DAY_MS
    )) {
      throw badInput(
        `\`requestedFor\` must be in the future and at most ${MAX_DAYS_AHEAD} days ahead`,
        'requestedFor',
      );
    }
    if (
      !Number.isInteger(input.durationMinutes) ||
      input.durationMinutes < 15 ||
      input.durationMinutes > 480
    ) {
      throw badInput('`durationMinutes` must be a whole number from 15 to 480', 'durationMinutes');
    }
    if (input.pickup) {
      validateArrondissement(input.pickup.arrondissement, 'pickup.arrondissement');
      const { latitude, longitude } = input.pickup;
      if (!(
        latitude >= PARIS_BOX.south &&
        latitude <= PARIS_BOX.north &&
        longitude >= PARIS_BOX.west &&
        longitude <= PARIS_BOX.east
      )) {
        throw badInput('`pickup` must be a point in Paris (the service accompanies within Paris)', 'pickup');
      }
    }
    return this.db.transaction(async (manager) => {
      const beneficiary = await manager.findOneBy(Beneficiary, { id: input.beneficiaryId });
      if (!beneficiary) throw badInput(`No beneficiary has the id ${input.beneficiaryId}`, 'beneficiaryId');
      const pickup = input.pickup ?? {
        arrondissement: beneficiary.arrondissementCode,
        latitude: beneficiary.latitude,
        longitude: beneficiary.longitude,
      };
      const approximate = approximatePoint(pickup.latitude, pickup.longitude);
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO accompaniment_request (id, client_request_id, beneficiary_id, status, purpose, transport_mode,
           requested_for, duration_minutes, arrondissement_code, latitude, longitude, exact_latitude, exact_longitude, created_at)
         VALUES ('REQ-' || lpad(nextval('accompaniment_request_number')::text, 6, '0'), $1, $2, 'OPEN', $3, $4, $5, $6, $7,
           $8, $9, $10, $11, now())
         ON CONFLICT (client_request_id) DO NOTHING
         RETURNING id`,
        [
          clientRequestId,
          beneficiary.id,
          input.purpose,
          input.transportMode,
          requestedFor,
          input.durationMinutes,
          pickup.arrondissement,
          approximate.latitude,
          approximate.longitude,
          pickup.latitude,
          pickup.longitude,
        ],
      );
      if (inserted.length > 0) {
        const created = await manager.findOneByOrFail(AccompanimentRequest, { id: inserted[0].id });
        await appendRequestEvent(manager, created);
        return created;
      }
      const existing = await manager.findOneByOrFail(AccompanimentRequest, { clientRequestId });
      const same =
        existing.beneficiaryId === beneficiary.id &&
        existing.purpose === input.purpose &&
        existing.requestedFor.getTime() === requestedFor.getTime();
      if (!same)
        throw conflict(
          `\`clientRequestId\` ${clientRequestId} was already used for another request (${existing.id})`,
        );
      return existing;
    });
  }

  /** Cancels a request that is not over yet; cancelling a cancelled request again is a no-op (safe retry). */
  async cancel(id: string, reason: AccompanimentCancellationReason): Promise<AccompanimentRequest> {
    return this.db.transaction(async (manager) => {
      const updated = await manager
        .createQueryBuilder()
        .update(AccompanimentRequest)
        .set({
          status: AccompanimentStatus.CANCELLED,
          cancelledAt: () => 'now()',
          cancellationReason: reason,
        })
        .where('id = :id AND status IN (:...live)', {
          id,
          live: [AccompanimentStatus.OPEN, AccompanimentStatus.ACCEPTED, AccompanimentStatus.IN_PROGRESS],
        })
        .execute();
      const request = await manager.findOneBy(AccompanimentRequest, { id });
      if (!request) throw notFound(`No accompaniment request has the id ${id}`);
      if (updated.affected === 0 && request.status !== AccompanimentStatus.CANCELLED) {
        throw conflict(`Accompaniment request ${id} is ${request.status} and can no longer be cancelled`);
      }
      // A retry that changed nothing appends nothing.
      if (updated.affected !== 0) await appendRequestEvent(manager, request);
      return request;
    });
  }
}

/** Operators see every request; a volunteer sees the open ones and those they accepted; nobody else any. */
export function isVisibleTo(context: BaseContext, request: AccompanimentRequest): boolean {
  if (isOperator(context)) return true;
  const volunteer = volunteerSubject(context);
  return (
    volunteer !== undefined &&
    (request.status === AccompanimentStatus.OPEN || request.volunteerId === volunteer)
  );
}
