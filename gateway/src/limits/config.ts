import { type ParseOptions } from 'graphql';

/**
 * The operation limits of the public endpoint. One module for every transport: HTTP uses them
 * through Apollo Server (parse options, validation rules, the cost plugin, the executor timeout);
 * graphql-ws and SSE call `parseOptions`, `limitValidationRules` and `operationCheckError` directly.
 */
export interface OperationLimits {
  /** Nested field levels, `__schema` not counted (the cycle rule covers introspection). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in the document, enforced by graphql-js's parser itself. */
  maxTokens: number;
  /** Each field costs 1, times the list sizes above it. */
  maxCost: number;
  /** Times one response key may be selected directly in one selection set. */
  maxFieldRepeats: number;
  /** List size assumed for list fields without `first`/`last` (reference lists: arrondissements, districts). */
  defaultListSize: number;
  /** List size assumed for a `first`/`last` given by a variable without value: the subgraphs' page-size cap. */
  maxListSize: number;
  /** Wall-clock budget of one operation's execution. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 2000,
  maxCost: 5000,
  maxFieldRepeats: 5,
  defaultListSize: 10,
  // platform/src/pagination.ts MAX_PAGE_SIZE: subgraphs refuse larger pages.
  maxListSize: 100,
  timeoutMs: 15_000,
};

const ENV_NAMES: Record<Exclude<keyof OperationLimits, 'maxListSize'>, string> = {
  maxDepth: 'GRAPHQL_MAX_DEPTH',
  maxAliases: 'GRAPHQL_MAX_ALIASES',
  maxDirectives: 'GRAPHQL_MAX_DIRECTIVES',
  maxTokens: 'GRAPHQL_MAX_TOKENS',
  maxCost: 'GRAPHQL_MAX_COST',
  maxFieldRepeats: 'GRAPHQL_MAX_FIELD_REPEATS',
  defaultListSize: 'GRAPHQL_DEFAULT_LIST_SIZE',
  timeoutMs: 'GRAPHQL_OPERATION_TIMEOUT_MS',
};

export function operationLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof typeof ENV_NAMES, string][]) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const number = Number(value);
    if (!Number.isInteger(number) || number <= 0) throw new Error(`${name} must be a positive integer`);
    limits[key] = number;
  }
  return limits;
}

export function parseOptions(limits: OperationLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}
