import type { EntityManager } from 'typeorm';
import type { BaseContext } from '#platform/context';
import { forbidden } from '#platform/errors';
import { appendEvent, type LoggedEvent } from '#platform/events/log';
import type { NearInput } from '#platform/geo';
import { hasRole } from '#platform/identity';
import { isOperator, volunteerSubject } from '../../privacy';
import { validateSearchNear } from '../accompaniment-request/accompaniment-request.privacy';
import {
  AccompanimentStatus,
  type AccompanimentRequest,
} from '../accompaniment-request/accompaniment-request.entity';
import type {
  AccompanimentRequestChangedArgs,
  AccompanimentRequestOpenedArgs,
  RequestEventPayload,
} from './accompaniment-request-event.entity';

/** The event-log stream of request lifecycle steps. */
export const REQUEST_STREAM = 'mobility-request';

/** The radius of PostgreSQL's `earth()`, so that a subscription matches what `whereNear` would. */
const EARTH_RADIUS_METERS = 6_378_168;

/**
 * Appends a lifecycle step, in the transaction that made it (the request as it is after the
 * step), so a subscriber sees it exactly when, and only if, it commits.
 */
export async function appendRequestEvent(
  manager: EntityManager,
  request: AccompanimentRequest,
): Promise<void> {
  const payload: RequestEventPayload = {
    requestId: request.id,
    status: request.status,
    volunteerId: request.volunteerId,
    approximateLatitude: request.latitude,
    approximateLongitude: request.longitude,
  };
  await appendEvent(manager, REQUEST_STREAM, request.status, payload);
}

/** Great-circle distance in metres (haversine). */
function distanceMeters(from: NearInput, latitude: number, longitude: number): number {
  const radians = Math.PI / 180;
  const dLatitude = (latitude - from.latitude) * radians;
  const dLongitude = (longitude - from.longitude) * radians;
  const a =
    Math.sin(dLatitude / 2) ** 2 +
    Math.cos(from.latitude * radians) * Math.cos(latitude * radians) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Checked when subscribing, not only per event (as the field's @Authorized is): a caller without
 * the role gets FORBIDDEN at once instead of a stream that fails on its first event.
 */
export function openedRequestFilter(
  context: BaseContext,
  args: AccompanimentRequestOpenedArgs,
): (event: LoggedEvent<RequestEventPayload>) => boolean {
  if (!isOperator(context) && !hasRole(context.identity, 'volunteer')) {
    throw forbidden('Only volunteers and operators can follow open requests');
  }
  validateSearchNear(context, args.near);
  return ({ payload }) =>
    payload.status === AccompanimentStatus.OPEN &&
    distanceMeters(args.near, payload.approximateLatitude, payload.approximateLongitude) <=
      args.near.radiusMeters;
}

/** Operators follow every request; a volunteer only the missions they accepted. */
export function changedRequestFilter(
  context: BaseContext,
  args: AccompanimentRequestChangedArgs,
): (event: LoggedEvent<RequestEventPayload>) => boolean {
  const volunteer = isOperator(context) ? undefined : volunteerSubject(context);
  if (!isOperator(context) && !volunteer) {
    throw forbidden('Only operators, and volunteers for their own missions, can follow request changes');
  }
  return ({ payload }) =>
    (args.requestId === null || args.requestId === undefined || payload.requestId === args.requestId) &&
    (volunteer === undefined || payload.volunteerId === volunteer);
}
