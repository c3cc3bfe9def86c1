import { buildSchema, getOperationAST, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, parseOptions } from './config';
import { operationCheckError, operationCostError } from './cost';
import { limitValidationRules } from './rules';
import { withOperationTimeout } from './timeout';

const schema = buildSchema(`
  type Query { buildings(first: Int, after: String): BuildingConnection!, districts: [District!]!, node: Building }
  type BuildingConnection { totalCount: Int!, edges: [BuildingEdge!]! }
  type BuildingEdge { cursor: String!, node: Building! }
  type Building { id: ID!, name: String, meters(first: Int): [Meter!]!, district: District }
  type Meter { id: ID! }
  type District { id: ID!, buildings(first: Int): BuildingConnection! }
`);

function validationCodes(source: string): unknown[] {
  const document = parse(source, parseOptions(DEFAULT_LIMITS));
  return validate(schema, document, [...specifiedRules, ...limitValidationRules(DEFAULT_LIMITS)]).map(
    (error) => error.extensions.code,
  );
}

function cost(source: string, variables?: Record<string, unknown>): GraphQLError | undefined {
  const document = parse(source);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return operationCostError(schema, document, operation, variables, DEFAULT_LIMITS);
}

describe('operation limits (shared by HTTP, graphql-ws and SSE)', () => {
  it('counts `first` as the size of the list below it', () => {
    expect(cost('{ buildings(first: 100) { totalCount edges { node { id name } } } }')).toBeUndefined();
    expect(cost('{ buildings(first: 99999999) { totalCount } }')?.extensions.code).toBe(
      'COST_LIMIT_EXCEEDED',
    );
    // Items cost at least 1 each, so selecting only `__typename` does not make a huge page free.
    expect(cost('{ buildings(first: 99999999) { __typename } }')?.extensions.code).toBe(
      'COST_LIMIT_EXCEEDED',
    );
    expect(
      cost('{ buildings(first: 100) { edges { node { meters(first: 100) { id } } } } }')?.message,
    ).toMatch(/cost 10301 /);
  });

  it('reads list sizes from variables, and assumes the page-size cap when a variable is unset', () => {
    const query = 'query ($n: Int) { buildings(first: $n) { edges { node { meters(first: $n) { id } } } } }';
    expect(cost(query, { n: 10 })).toBeUndefined();
    expect(cost(query, { n: 99999999 })?.extensions.code).toBe('COST_LIMIT_EXCEEDED');
    expect(cost(query, {})?.extensions.code).toBe('COST_LIMIT_EXCEEDED');
  });

  it('measures fragment bombs in linear time', () => {
    const fragments = Array.from({ length: 40 }, (_, index) =>
      index === 39
        ? `fragment F${index} on Building { id }`
        : `fragment F${index} on Building { ...F${index + 1} district { buildings(first: 2) { edges { node { ...F${index + 1} } } } } }`,
    ).join('\n');
    const started = Date.now();
    expect(cost(`{ node { ...F0 } }\n${fragments}`)?.extensions.code).toBe('COST_LIMIT_EXCEEDED');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses depth, repeated fields and circular introspection with their own codes', () => {
    const deep =
      '{ node { district { buildings { edges { node { district { buildings { edges { node { district { id } } } } } } } } } } }';
    expect(validationCodes(deep)).toContain('DEPTH_LIMIT_EXCEEDED');
    expect(validationCodes(`{ ${'node { id } '.repeat(6)} }`)).toContain('FIELD_DUPLICATION_LIMIT_EXCEEDED');
    expect(validationCodes('{ __schema { types { fields { type { fields { name } } } } } }')).toContain(
      'INTROSPECTION_CYCLE',
    );
    expect(
      validationCodes('{ __schema { types { fields { type { name ofType { name ofType { name } } } } } } }'),
    ).toEqual([]);
  });

  it('answers OPERATION_TIMEOUT when execution outlives its budget', async () => {
    const slow = withOperationTimeout(
      () => new Promise((resolve) => setTimeout(() => resolve({ data: {} }), 200)),
      20,
    );
    await expect(slow({} as Parameters<typeof slow>[0])).rejects.toMatchObject({
      extensions: { code: 'OPERATION_TIMEOUT' },
    });
    const fast = withOperationTimeout(async () => ({ data: { ok: true } }), 200);
    await expect(fast({} as Parameters<typeof fast>[0])).resolves.toEqual({ data: { ok: true } });
  });
});

describe('the checks once variables are known', () => {
  const check = (source: string, variables?: Record<string, unknown>) => {
    const document = parse(source);
    const operation = getOperationAST(document);
    if (!operation) throw new Error('no operation');
    return operationCheckError(schema, document, operation, variables, DEFAULT_LIMITS)?.extensions.code;
  };

  it('refuses the NUL character in a literal or in a nested variable, which no service can store', () => {
    expect(check('{ buildings(after: "a\\u0000b") { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(
      check('query ($after: String) { buildings(after: $after) { totalCount } }', { after: 'x\u0000' }),
    ).toBe('BAD_USER_INPUT');
    expect(
      check('query ($input: [String]) { buildings { totalCount } }', { input: [{ deep: ['\u0000'] }] }),
    ).toBe('BAD_USER_INPUT');
    expect(check('{ buildings(after: "ordinary ☕ text") { totalCount } }')).toBeUndefined();
    expect(check('{ buildings(first: 99999999) { totalCount } }')).toBe('COST_LIMIT_EXCEEDED');
  });

  it('refuses a number literal beyond a double, which the query planner cannot carry', () => {
    expect(validationCodes(`{ buildings(first: 1${'0'.repeat(400)}) { totalCount } }`)).toContain(
      'BAD_USER_INPUT',
    );
    expect(validationCodes('{ buildings(first: 10) { totalCount } }')).toEqual([]);
  });
});
