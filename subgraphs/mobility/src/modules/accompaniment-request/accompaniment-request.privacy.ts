import type { BaseContext } from '#platform/context';
import { badInput } from '#platform/errors';
import { validateNear, type NearInput } from '#platform/geo';
import { isOperator } from '../../privacy';

/** Volunteers accompany people of their own neighbourhood: about a 15-minute walk. */
export const VOLUNTEER_MAX_RADIUS_METERS = 3000;

/**
 * Volunteers look for open requests around where they are, not across the city: a wide radius would
 * let one volunteer account map every isolated person's approximate home at once.
 */
export function validateSearchNear(context: BaseContext, near: NearInput): void {
  validateNear(near);
  if (!isOperator(context) && near.radiusMeters > VOLUNTEER_MAX_RADIUS_METERS) {
    throw badInput(
      `Volunteers look for requests within ${VOLUNTEER_MAX_RADIUS_METERS} m of where they are`,
      'near.radiusMeters',
    );
  }
}
