import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from './database';

/** The stable `extensions.code` values clients can rely on. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Forbidden: 'FORBIDDEN',
  Unauthenticated: 'UNAUTHENTICATED',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Internal: 'INTERNAL_SERVER_ERROR',
  /** The service's database cannot be reached (restarting, network): retry shortly. */
  Unavailable: 'SERVICE_UNAVAILABLE',
} as const;

/** An argument the caller got wrong: the message names the argument and what is accepted. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BadUserInput, argument } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Forbidden } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NotFound } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Conflict } });
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

function describeValidation(failures: ValidationFailure[], prefix = ''): string[] {
  return failures.flatMap((failure) => {
    const path = prefix ? `${prefix}.${failure.property}` : failure.property;
    const own = Object.values(failure.constraints ?? {}).map((text) => text.replace(failure.property, path));
    return [...own, ...describeValidation(failure.children ?? [], path)];
  });
}

/** Codes whose messages are meant for the caller; anything else is masked as an internal error. */
const CALLER_FACING_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Shapes every error leaving a service: class-validator failures become one readable
 * BAD_USER_INPUT message, type-graphql's authorization failures become FORBIDDEN, and anything
 * unexpected loses its internals (no stack, no SQL, no driver message).
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  if (isDatabaseUnavailable(error)) {
    return {
      message: 'The database is unavailable; try again shortly',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.Unavailable },
    };
  }
  const validationErrors = formatted.extensions?.validationErrors as ValidationFailure[] | undefined;
  if (validationErrors) {
    return {
      message: `Invalid argument: ${describeValidation(validationErrors).join('; ')}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.BadUserInput },
    };
  }
  const rawCode = formatted.extensions?.code;
  const code = rawCode === 'UNAUTHORIZED' ? ErrorCode.Forbidden : rawCode;
  if (typeof code === 'string' && CALLER_FACING_CODES.has(code)) {
    const extensions = Object.fromEntries(
      Object.entries(formatted.extensions ?? {}).filter(
        ([name]) => name !== 'stacktrace' && name !== 'exception',
      ),
    );
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.Internal },
  };
}
