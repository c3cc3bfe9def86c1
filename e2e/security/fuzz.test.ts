import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '#platform/subgraphs';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { post, type RawResponse } from './support';

/**
 * Property-based fuzzing of the public endpoint: (a) queries generated from the live API schema,
 * with arguments of the right and the wrong types, nesting, aliases, fragments, variables and
 * garbage; (b) the ingestion mutations with valid and invalid payloads. Whatever is sent, the
 * gateway never answers 5xx, every error has a stable code that is not INTERNAL_SERVER_ERROR, and
 * nothing invalid is stored. Seeded (FUZZ_SEED overrides it; fast-check prints seed and path on a
 * failure, to replay it).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);
const OPERATOR_KEY = 'fuzz-test-operator-key';
const operator = { 'x-api-key': OPERATOR_KEY };

let platform: TestPlatform;
let schema: GraphQLSchema;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform();
  const introspection = await post(platform.gateway.url, JSON.stringify({ query: getIntrospectionQuery() }));
  schema = buildClientSchema(introspection.body.data as unknown as IntrospectionQuery);
});
afterAll(() => platform?.stop());

function dbOf(name: SubgraphName): DataSource {
  const subgraph = platform.subgraphs.find((candidate) => candidate.name === name);
  if (!subgraph) throw new Error(`${name} did not start`);
  return subgraph.db;
}

/** The invariant of every answer, whatever was sent. */
function expectHandled(response: RawResponse, sent: string): void {
  const context = `${response.status} ${response.text.slice(0, 400)}\nfor ${sent.slice(0, 2000)}`;
  expect(response.status, context).toBeLessThan(500);
  expect(response.text.length > 0 && response.body !== undefined, context).toBe(true);
  for (const error of response.body.errors ?? []) {
    expect(typeof error.extensions?.code, context).toBe('string');
    expect(error.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

type Draw = fc.GeneratorValue;

/** One value of one of `arbitraries`, drawn inside a property built with fc.gen(). */
function pick<T>(draw: Draw, ...arbitraries: fc.Arbitrary<T>[]): T {
  return draw(() => fc.oneof(...arbitraries));
}

const GARBAGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '💥🏙️',
  'Ω≈ç√∫˜µ≤≥÷',
  '\u202e\u2066',
  "'; DROP TABLE budget_vote; --",
  '"}]}',
  'x'.repeat(1000),
  '../../etc/passwd',
  '2026-13-45T99:99:99Z',
  '9999-12-31T23:59:59Z',
  '-1',
  'NaN',
];
const HUGE_NUMBERS = [
  '1e308',
  '-1e308',
  '9007199254740993',
  '1' + '0'.repeat(400),
  '-0',
  '2147483648',
  '0.0000001',
];

/** One GraphQL literal of `type`, right most of the time, deliberately wrong otherwise. */
function literal(draw: Draw, type: GraphQLInputType, depth: number): string {
  if (draw(fc.integer, { min: 0, max: 9 }) === 0) return wrongLiteral(draw);
  if (isNonNullType(type)) return literal(draw, type.ofType, depth);
  if (draw(fc.integer, { min: 0, max: 19 }) === 0) return 'null';
  if (isListType(type)) {
    const size = draw(fc.integer, { min: 0, max: 3 });
    return `[${Array.from({ length: size }, () => literal(draw, type.ofType, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(type)) {
    const values = type.getValues();
    return values[draw(fc.integer, { min: 0, max: values.length - 1 })].name;
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return '{}';
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) || draw(fc.boolean),
    );
    return `{ ${fields.map((field) => `${field.name}: ${literal(draw, field.type, depth + 1)}`).join(', ')} }`;
  }
  return scalarLiteral(draw, type.name);
}

function scalarLiteral(draw: Draw, name: string): string {
  switch (name) {
    case 'Int':
      return String(pick(draw, fc.integer({ min: -5, max: 120 }), fc.integer()));
    case 'Float':
      return String(
        pick(
          draw,
          fc.double({ min: -1000, max: 1000, noNaN: true }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
      ).replace(/^(-?\d+)$/, '$1.0');
    case 'Boolean':
      return String(draw(fc.boolean));
    case 'DateTime':
      return JSON.stringify(
        pick(
          draw,
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          fc.constantFrom(...GARBAGE_STRINGS),
        ),
      );
    case 'ID':
      return JSON.stringify(
        pick(
          draw,
          fc.constantFrom('17', 'TRILIB-14-0001', 'REQ-000001', 'VOL-0001', '1', '3000000000', '-1'),
          fc.string(),
        ),
      );
    default:
      return JSON.stringify(pick(draw, fc.string({ unit: 'grapheme' }), fc.constantFrom(...GARBAGE_STRINGS)));
  }
}

function wrongLiteral(draw: Draw): string {
  return pick(
    draw,
    fc.constantFrom(...HUGE_NUMBERS),
    fc.constantFrom(...GARBAGE_STRINGS).map((text) => JSON.stringify(text)),
    fc.constantFrom('true', 'null', 'NOT_AN_ENUM', '{ unknown: 1 }', '[[[]]]', '$undeclared', '{}'),
    fc.string({ unit: 'binary' }).map((text) => JSON.stringify(text)),
  );
}

/** A random query from the live schema: fields, arguments, aliases, fragments and variables. */
function randomQuery(draw: Draw): { query: string; variables: Record<string, unknown> } {
  const fragments: string[] = [];
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  let aliasCount = 0;

  const argumentsOf = (field: GraphQLField<unknown, unknown>): string => {
    const chosen = field.args.filter((argument) => isNonNullType(argument.type) || draw(fc.boolean));
    if (chosen.length === 0) return '';
    const parts = chosen.map((argument) => {
      const named = getNamedType(argument.type);
      // Scalars go through variables some of the time, with JSON values of any type.
      if (isScalarType(named) && draw(fc.integer, { min: 0, max: 3 }) === 0) {
        const name = `v${definitions.length}`;
        definitions.push(`$${name}: ${String(argument.type)}`);
        variables[name] = pick(
          draw,
          fc.jsonValue(),
          fc.constantFrom(...GARBAGE_STRINGS),
          fc.integer({ min: -5, max: 120 }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        );
        return `${argument.name}: $${name}`;
      }
      return `${argument.name}: ${literal(draw, argument.type, 0)}`;
    });
    return `(${parts.join(', ')})`;
  };

  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (!(isObjectType(type) || isInterfaceType(type)) || depth > 3) return '{ __typename }';
    const fields = Object.values(type.getFields());
    const count = draw(fc.integer, { min: 1, max: Math.min(3, fields.length) });
    const selected = Array.from({ length: count }, () => {
      const field = fields[draw(fc.integer, { min: 0, max: fields.length - 1 })];
      const alias = draw(fc.integer, { min: 0, max: 4 }) === 0 ? `a${(aliasCount += 1)}: ` : '';
      const named = getNamedType(field.type);
      const inner = isScalarType(named) || isEnumType(named) ? '' : ` ${selection(named, depth + 1)}`;
      return `${alias}${field.name}${argumentsOf(field)}${inner}`;
    });
    const body = `{ ${selected.join(' ')} }`;
    switch (draw(fc.integer, { min: 0, max: 5 })) {
      case 0:
        return `{ ... on ${type.name} ${body} }`;
      case 1: {
        const name = `F${fragments.length}`;
        fragments.push(`fragment ${name} on ${type.name} ${body}`);
        return `{ ...${name} }`;
      }
      default:
        return body;
    }
  };

  const root = selection(schema.getQueryType() as GraphQLObjectType, 0);
  const header = definitions.length > 0 ? `query Fuzz(${definitions.join(', ')}) ` : '';
  let query = [`${header}${root}`, ...fragments].join('\n');
  // Now and then, a damaged document: cut short, or with garbage spliced in.
  const damage = draw(fc.integer, { min: 0, max: 11 });
  if (damage === 0) query = query.slice(0, draw(fc.integer, { min: 0, max: query.length }));
  if (damage === 1) {
    const at = draw(fc.integer, { min: 0, max: query.length });
    query = query.slice(0, at) + draw(fc.string, { unit: 'binary', maxLength: 8 }) + query.slice(at);
  }
  return { query, variables };
}

describe('fuzzing the public endpoint', () => {
  it('answers every generated query without a 5xx or an unstable error code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.boolean(), async (draw, asOperator) => {
        const { query, variables } = randomQuery(draw);
        const sent = JSON.stringify({ query, variables });
        expectHandled(await post(platform.gateway.url, sent, asOperator ? operator : {}), sent);
      }),
      { seed: SEED, numRuns: 250, endOnFailure: true },
    );
  });

  it('answers garbage bodies without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc
            .record({ query: fc.jsonValue(), variables: fc.jsonValue(), operationName: fc.jsonValue() })
            .map((value) => JSON.stringify(value)),
        ),
        async (body) => expectHandled(await post(platform.gateway.url, body), body),
      ),
      { seed: SEED, numRuns: 100, endOnFailure: true },
    );
  });
});

/** Valid values most of the time, invalid ones often enough to cover every check. */
const fillingLevel = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0.01, 1.01, 1e308, -1e308),
);
const pastDate = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const anyDate = fc.oneof(
  pastDate,
  fc
    .date({
      min: new Date('2099-01-01T00:00:00Z'),
      max: new Date('2199-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom(...GARBAGE_STRINGS),
);
const identifier = (valid: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...valid) },
    fc.constantFrom(...GARBAGE_STRINGS),
    fc.string(),
  );
/** Stations with one glass container, so a report needs no containerId. */
const SENSOR_STATIONS = ['TRILIB-14-0001', 'TRILIB-14-0002', 'TRILIB-14-0003', 'TRILIB-14-0004'];
const stream = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('GLASS', 'HOUSEHOLD', 'PACKAGING') },
  fc.constant('PLUTONIUM'),
);

interface Ingestion {
  name: string;
  query: string;
  input: fc.Arbitrary<Record<string, unknown>>;
}

describe('fuzzing the ingestion mutations', () => {
  it('stores only valid writes, each once, and answers the rest with BAD_USER_INPUT or CONFLICT', async () => {
    const energy = dbOf('energy');
    const waste = dbOf('waste');
    const budget = dbOf('budget');
    const mobility = dbOf('mobility');
    const meters = (await energy.query<{ id: string }[]>('SELECT id FROM meter ORDER BY id LIMIT 5')).map(
      (row) => row.id,
    );
    const stations = (
      await waste.query<{ id: string }[]>('SELECT id FROM waste_station ORDER BY id LIMIT 5')
    ).map((row) => row.id);
    const projects = (
      await budget.query<{ id: number }[]>(
        'SELECT id FROM budget_project WHERE edition = 2021 ORDER BY id LIMIT 6',
      )
    ).map((row) => String(row.id));
    const beneficiaries = (
      await mobility.query<{ id: string }[]>('SELECT id FROM beneficiary ORDER BY id LIMIT 5')
    ).map((row) => row.id);
    const ids = fc.integer({ min: 0, max: 40 }).map((n) => `fuzz-${n}`);

    const ingestions: Ingestion[] = [
      {
        name: 'reportFillLevel',
        query: 'mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id } }',
        input: fc.record({
          reportId: ids,
          stationId: identifier(SENSOR_STATIONS),
          stream: fc.oneof({ weight: 3, arbitrary: fc.constant('GLASS') }, stream),
          fillingLevel,
          observedAt: anyDate,
        }),
      },
      {
        name: 'recordCollection',
        query: 'mutation ($input: RecordCollectionInput!) { recordCollection(input: $input) { id } }',
        input: fc.record({
          collectionId: ids,
          stationId: identifier(stations),
          stream,
          collectedAt: anyDate,
          weightKg: fc.oneof(
            fc.double({ min: 0, max: 500, noNaN: true }),
            fc.constantFrom(-1, 10_001, 1e308),
          ),
        }),
      },
      {
        name: 'recordMeterReadings',
        query:
          'mutation ($input: RecordMeterReadingsInput!) { recordMeterReadings(input: $input) { recorded replayed } }',
        input: fc.record({
          readings: fc.oneof(
            // Mostly-valid batches (electricity meters take a power), so every kind of write gets stored.
            fc.array(
              fc.record({
                readingId: ids,
                meterId: fc.constantFrom(...meters),
                observedAt: pastDate,
                value: fc.double({ min: 0, max: 1e6, noNaN: true }),
              }),
              { minLength: 1, maxLength: 3 },
            ),
            fc.array(
              fc.record(
                {
                  readingId: ids,
                  meterId: identifier(meters),
                  observedAt: anyDate,
                  value: fc.oneof(
                    fc.double({ min: 0, max: 1e6, noNaN: true }),
                    fc.constantFrom(-1, 1e308, -1e308),
                  ),
                  power: fc.oneof(fc.constant(null), fc.double({ min: -10, max: 1000, noNaN: true })),
                },
                { requiredKeys: ['readingId', 'meterId', 'observedAt', 'value'] },
              ),
              { minLength: 0, maxLength: 4 },
            ),
          ),
        }),
      },
      {
        name: 'castVote',
        query: 'mutation ($input: CastVoteInput!) { castVote(input: $input) { replayed } }',
        input: fc.record({
          voteId: ids,
          citizenId: fc.integer({ min: 0, max: 15 }).map((n) => `fuzz-citizen-${n}`),
          edition: fc.oneof(
            { weight: 4, arbitrary: fc.constant(2021) },
            fc.integer({ min: -1, max: 3000 }),
            fc.integer(),
          ),
          projectIds: fc.oneof(
            fc.subarray(projects, { minLength: 1, maxLength: 2 }),
            fc.array(identifier(projects), { maxLength: 10 }),
          ),
        }),
      },
      {
        name: 'requestAccompaniment',
        query: 'mutation ($input: RequestAccompanimentInput!) { requestAccompaniment(input: $input) { id } }',
        input: fc.record(
          {
            clientRequestId: ids,
            beneficiaryId: identifier(beneficiaries),
            purpose: fc.oneof(
              { weight: 4, arbitrary: fc.constantFrom('WALK', 'SHOPPING') },
              fc.constant('HEIST'),
            ),
            transportMode: fc.constantFrom('WALK', 'PUBLIC_TRANSPORT', 'TELEPORT'),
            requestedFor: fc.oneof(
              fc
                .integer({ min: 1, max: 30 })
                .map((days) => new Date(Date.now() + days * 86_400_000).toISOString()),
              anyDate,
            ),
            durationMinutes: fc.oneof(fc.integer({ min: 15, max: 480 }), fc.integer()),
          },
          { requiredKeys: ['clientRequestId', 'beneficiaryId', 'purpose', 'requestedFor'] },
        ),
      },
    ];

    const count = async (db: DataSource, sql: string) =>
      Number((await db.query<{ count: string }[]>(sql))[0].count);
    const counts = () =>
      Promise.all([
        count(waste, `SELECT count(*) FROM filling_level_observation WHERE report_id LIKE 'fuzz-%'`),
        count(waste, `SELECT count(*) FROM waste_collection WHERE id LIKE 'fuzz-%'`),
        count(energy, `SELECT count(*) FROM meter_reading WHERE reading_id LIKE 'fuzz-%'`),
        count(budget, `SELECT count(*) FROM budget_vote WHERE id LIKE 'fuzz-%'`),
        count(mobility, `SELECT count(*) FROM accompaniment_request WHERE client_request_id LIKE 'fuzz-%'`),
      ]);
    const before = await counts();
    // What the answers say was stored: the ids of accepted writes (a replay returns the same row).
    const accepted = ingestions.map(() => new Set<string>());

    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: ingestions.length - 1 })
          .chain((index) => ingestions[index].input.map((input) => ({ index, input }))),
        async ({ index, input }) => {
          const ingestion = ingestions[index];
          const sent = JSON.stringify({ query: ingestion.query, variables: { input } });
          const response = await post(platform.gateway.url, sent, operator);
          expectHandled(response, sent);
          for (const error of response.body.errors ?? [])
            expect(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'], sent).toContain(error.extensions?.code);
          if (response.body.errors) return;
          if (ingestion.name === 'recordMeterReadings') {
            for (const reading of input.readings as { readingId: string }[])
              accepted[index].add(reading.readingId);
          } else {
            accepted[index].add(String(Object.values(input)[0]));
          }
        },
      ),
      { seed: SEED, numRuns: 400, endOnFailure: true },
    );

    const after = await counts();
    expect(after.map((value, index) => value - before[index])).toEqual(accepted.map((set) => set.size));
    // Each kind of write was stored at least once, or the run checked refusals only.
    for (const [index, ingestion] of ingestions.entries())
      expect(accepted[index].size, `${ingestion.name} writes stored`).toBeGreaterThan(0);
    // Nothing out of range reached the tables, and no citizen voted twice in an edition.
    const outOfRange: [DataSource, string][] = [
      [
        waste,
        `SELECT count(*) FROM filling_level_observation WHERE report_id LIKE 'fuzz-%'
           AND (filling_level NOT BETWEEN 0 AND 1 OR observed_at > now() + interval '5 minutes')`,
      ],
      [
        waste,
        `SELECT count(*) FROM waste_collection WHERE id LIKE 'fuzz-%'
           AND (weight_kg NOT BETWEEN 0 AND 10000 OR collected_at > now() + interval '5 minutes')`,
      ],
      [
        energy,
        `SELECT count(*) FROM meter_reading WHERE reading_id LIKE 'fuzz-%'
           AND (value < 0 OR power < 0 OR observed_at > now() + interval '5 minutes')`,
      ],
      [
        budget,
        `SELECT count(*) FROM budget_vote vote WHERE vote.id LIKE 'fuzz-%' AND (vote.edition <> 2021
           OR NOT EXISTS (SELECT 1 FROM budget_vote_choice choice WHERE choice.vote_id = vote.id))`,
      ],
      [
        budget,
        `SELECT count(*) FROM (SELECT citizen_id FROM budget_vote WHERE id LIKE 'fuzz-%'
           GROUP BY citizen_id, edition HAVING count(*) > 1) AS twice`,
      ],
      [
        mobility,
        `SELECT count(*) FROM accompaniment_request WHERE client_request_id LIKE 'fuzz-%'
           AND (duration_minutes NOT BETWEEN 15 AND 480 OR requested_for < created_at - interval '5 minutes')`,
      ],
    ];
    for (const [db, sql] of outOfRange) expect(await count(db, sql), sql).toBe(0);
  });
});
