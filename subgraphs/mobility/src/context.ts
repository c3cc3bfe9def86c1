import { GraphQLError } from 'graphql';
import type { BaseContext } from '../../../platform/src/context';
import { ErrorCode } from '../../../platform/src/errors';
import { hasRole } from '../../../platform/src/identity';

/**
 * The mobility subgraph needs nothing beyond the shared request context: its loaders live in each
 * module's `*.loader.ts`. What it adds are the two questions every privacy rule here asks.
 */
export type MobilityContext = BaseContext;

export function isOperator(context: BaseContext): boolean {
  return hasRole(context.identity, 'operator');
}

/** The volunteer id of a caller with the `volunteer` role (their token's subject), if any. */
export function volunteerSubject(context: BaseContext): string | undefined {
  return hasRole(context.identity, 'volunteer') ? context.identity.subject : undefined;
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NotFound } });
}
