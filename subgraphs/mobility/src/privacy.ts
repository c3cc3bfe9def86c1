import type { BaseContext } from '#platform/context';
import { forbidden } from '#platform/errors';
import { hasRole } from '#platform/identity';

/** The two questions every privacy rule of the mobility subgraph asks, and the refusal they share. */
export function isOperator(context: BaseContext): boolean {
  return hasRole(context.identity, 'operator');
}

/** The volunteer id of a caller with the `volunteer` role (their token's subject), if any. */
export function volunteerSubject(context: BaseContext): string | undefined {
  return hasRole(context.identity, 'volunteer') ? context.identity.subject : undefined;
}

export function requireOperator(context: BaseContext): void {
  if (!isOperator(context)) throw forbidden('Only operators can read this');
}
