import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { postOperation, type RawResponse } from './support';

/**
 * SQL injection through every String/ID argument of every root field, and every String/ID field
 * of their input objects (filters), found by introspecting the graph: no 5xx, no internal error,
 * and never more rows than a value that matches nothing.
 */
let platform: TestPlatform;
let url: string;
beforeAll(async () => {
  platform = await startTestPlatform(undefined, { production: false });
  url = platform.gateway.url;
});
afterAll(() => platform?.stop());

const PAYLOADS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  "1'; DROP TABLE arrondissement; --",
  "%' OR '%'='",
  '%',
  // Long enough to stand out from a slow test machine: a query that ran it takes 10 s or more.
  "'; SELECT pg_sleep(10); --",
  "') UNION SELECT NULL, current_user --",
];
const NO_MATCH = 'no-such-value-7f3a';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface IntrospectedType {
  name: string;
  kind: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

function named(type: TypeRef): TypeRef {
  return type.ofType ? named(type.ofType) : type;
}

/** One probe: a root field called with `argument` holding the payload, and how to count what came back. */
interface Probe {
  label: string;
  query: (value: string) => string;
  count: (data: Record<string, unknown>) => number;
}

function countOf(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.length;
  const connection = value as { totalCount?: number };
  return typeof connection.totalCount === 'number' ? connection.totalCount : 1;
}

async function probes(): Promise<Probe[]> {
  const response = await postOperation(
    url,
    `{ __schema { queryType { name } types { name kind fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } } inputFields { name type { ${TYPE_REF} } } } } }`,
  );
  const schema = (
    response.body.data as { __schema: { queryType: { name: string }; types: IntrospectedType[] } }
  ).__schema;
  const types = new Map(schema.types.map((type) => [type.name, type]));
  const isText = (type: TypeRef) => ['String', 'ID'].includes(named(type).name ?? '');
  const found: Probe[] = [];
  for (const field of types.get(schema.queryType.name)?.fields ?? []) {
    if (field.name.startsWith('_')) continue;
    const returned = types.get(named(field.type).name ?? '');
    const selection = returned?.fields?.some((candidate) => candidate.name === 'totalCount')
      ? '{ totalCount }'
      : returned?.fields
        ? '{ __typename }'
        : '';
    const required = field.args.filter((argument) => argument.type.kind === 'NON_NULL');
    for (const argument of field.args) {
      const others = required.filter((other) => other !== argument);
      if (others.length > 0) continue;
      const count = (data: Record<string, unknown>) => countOf(data[field.name]);
      if (isText(argument.type)) {
        found.push({
          label: `${field.name}(${argument.name})`,
          query: (value) => `{ ${field.name}(${argument.name}: ${JSON.stringify(value)}) ${selection} }`,
          count,
        });
      }
      const input = types.get(named(argument.type).name ?? '');
      for (const inputField of input?.kind === 'INPUT_OBJECT' ? (input.inputFields ?? []) : []) {
        if (!isText(inputField.type)) continue;
        found.push({
          label: `${field.name}(${argument.name}.${inputField.name})`,
          query: (value) =>
            `{ ${field.name}(${argument.name}: { ${inputField.name}: ${JSON.stringify(value)} }) ${selection} }`,
          count,
        });
      }
    }
  }
  return found;
}

async function rowsFound(query: string, probe: Probe): Promise<number> {
  const response = await postOperation(url, query);
  assertSafe(response, probe.label);
  return response.body.data ? probe.count(response.body.data) : 0;
}

function assertSafe(response: RawResponse, label: string): void {
  expect(response.status, label).toBeLessThan(500);
  for (const error of response.body.errors ?? []) {
    expect(error.extensions?.code, `${label}: ${error.message}`).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error.message, label).not.toMatch(/syntax error at or near|pg_|relation "|column "/i);
  }
}

describe('SQL injection', () => {
  it('gives no 5xx and no extra rows for districts(filter: { kind: "\' OR 1=1 --" })', async () => {
    const response = await postOperation(url, `{ districts(filter: { kind: "' OR 1=1 --" }) { id } }`);
    assertSafe(response, 'districts.kind');
    expect(response.body.data).toEqual({ districts: [] });
  });

  it(
    'gives no 5xx and no extra rows through any text argument or filter field of the graph',
    { timeout: 300_000 },
    async () => {
      const found = await probes();
      expect(found.length).toBeGreaterThan(0);
      for (const probe of found) {
        const baseline = await postOperation(url, probe.query(NO_MATCH));
        assertSafe(baseline, probe.label);
        const expected = baseline.body.data ? probe.count(baseline.body.data) : 0;
        // One probe's payloads at once, which keeps the sweep over the whole graph short.
        await Promise.all(
          PAYLOADS.map(async (payload) => {
            const started = Date.now();
            const response = await postOperation(url, probe.query(payload));
            const label = `${probe.label} ← ${payload}`;
            assertSafe(response, label);
            expect(Date.now() - started, label).toBeLessThan(8000);
            if (!response.body.data) return;
            // Full-text search matches a payload's words, as it should ("or" is a French word):
            // its punctuation and quotes must add no row to what those words alone find.
            const words = payload.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
            const allowed = /[.(]search\)$/.test(probe.label)
              ? Math.max(expected, await rowsFound(probe.query(words || NO_MATCH), probe))
              : expected;
            expect(probe.count(response.body.data), label).toBeLessThanOrEqual(allowed);
          }),
        );
      }
    },
  );
});
