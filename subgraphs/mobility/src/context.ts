import { GraphQLError } from 'graphql';
import type { BaseContext } from '#platform/context';
import { badInput, ErrorCode, forbidden } from '#platform/errors';
import { validateNear, type NearInput } from '#platform/geo';
import { hasRole } from '#platform/identity';

/**
 * The mobility subgraph needs nothing beyond the shared request context: its loaders live in each
 * module's `*.loader.ts`. What it adds are the two questions every privacy rule here asks.
 */
export type MobilityContext = BaseContext;

export function isOperator(context: BaseContext): boolean {
  return hasRole(context.identity, 'operator');
}

export function requireOperator(context: BaseContext): void {
  if (!isOperator(context)) throw forbidden('Only operators can read this');
}

/** The volunteer id of a caller with the `volunteer` role (their token's subject), if any. */
export function volunteerSubject(context: BaseContext): string | undefined {
  return hasRole(context.identity, 'volunteer') ? context.identity.subject : undefined;
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NotFound } });
}

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
