import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, formatError as formatServiceError } from '#platform/errors';

/** The stable `extensions.code` values of the gateway's own refusals (limits, HTTP rules, identity). */
export const GatewayErrorCode = {
  DepthLimit: 'DEPTH_LIMIT_EXCEEDED',
  AliasLimit: 'ALIAS_LIMIT_EXCEEDED',
  DirectiveLimit: 'DIRECTIVE_LIMIT_EXCEEDED',
  FieldDuplicationLimit: 'FIELD_DUPLICATION_LIMIT_EXCEEDED',
  IntrospectionCycle: 'INTROSPECTION_CYCLE',
  CostLimit: 'COST_LIMIT_EXCEEDED',
  Timeout: 'OPERATION_TIMEOUT',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  RateLimited: 'RATE_LIMITED',
  Unauthenticated: 'UNAUTHENTICATED',
  PersistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  PersistedQueryHashMismatch: 'PERSISTED_QUERY_HASH_MISMATCH',
  OperationNotInSafelist: 'OPERATION_NOT_IN_SAFELIST',
} as const;

const GATEWAY_CODES = new Set<string>(Object.values(GatewayErrorCode));

interface ErrorLike {
  extensions?: Record<string, unknown>;
  originalError?: unknown;
}

/**
 * The gateway's refusal code carried by `error`, if any. Apollo re-codes validation failures, so
 * the original is looked at too. Read structurally, not with `instanceof GraphQLError`: test
 * runners load graphql-js twice (CommonJS for Apollo, ESM for our sources).
 */
function gatewayCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const { extensions, originalError } = current as ErrorLike;
    const code = extensions?.code;
    if (typeof code === 'string' && GATEWAY_CODES.has(code)) return code;
    current = originalError;
  }
  return undefined;
}

/** Socket failures reaching a subgraph (stopped, restarting, network): the caller may retry. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'EPIPE', 'UND_ERR_SOCKET']);

function isSubgraphUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, errno, originalError, cause } = current as ErrorLike & {
      code?: unknown;
      errno?: unknown;
      cause?: unknown;
    };
    if (UNREACHABLE_CODES.has(String(code)) || UNREACHABLE_CODES.has(String(errno))) return true;
    current = originalError ?? cause;
  }
  return false;
}

/**
 * The services' error shaping, plus the gateway's refusals kept as they are: their messages name
 * the limit and were written not to echo anything, and their codes are public API. A subgraph that
 * cannot be reached is said to be unavailable (retry), not an internal error.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isSubgraphUnreachable(error)) {
    return {
      message: 'Part of the graph is unavailable; try again shortly',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.Unavailable },
    };
  }
  const code = gatewayCode(error);
  if (!code) return formatServiceError(formatted);
  return { message: formatted.message, locations: formatted.locations, extensions: { code } };
}
