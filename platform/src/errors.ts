import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The stable `extensions.code` values clients can rely on. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Forbidden: 'FORBIDDEN',
  Unauthenticated: 'UNAUTHENTICATED',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

/** An argument the caller got wrong: the message names the argument and what is accepted. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BadUserInput, argument } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Forbidden } });
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
    const own = Object.values(failure.constraints ?? {}).map((text) =>
      text.replace(failure.property, path),
    );
    return [...own, ...describeValidation(failure.children ?? [], path)];
  });
}

/**
 * Shapes every error leaving a service: class-validator failures become one readable
 * BAD_USER_INPUT message, and anything unexpected loses its internals (no stack, no SQL).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const validationErrors = (formatted.extensions?.validationErrors ?? undefined) as
    | ValidationFailure[]
    | undefined;
  if (validationErrors) {
    return {
      message: `Invalid argument: ${describeValidation(validationErrors).join('; ')}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.BadUserInput },
    };
  }
  const code = formatted.extensions?.code;
  const known = Object.values(ErrorCode).filter((c) => c !== ErrorCode.Internal) as string[];
  const isGraphQLValidation =
    code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST';
  if (typeof code === 'string' && (known.includes(code) || isGraphQLValidation || code === 'PERSISTED_QUERY_NOT_FOUND')) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (original instanceof GraphQLError && !code) return formatted;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.Internal },
  };
}
