import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { startTestPlatform, type GraphQLResponse, type TestPlatform } from '#test/platform';
import { sqlStatementCounter } from '#test/sql-statements';
import { encodeIdentity, IDENTITY_HEADER, type Identity } from '#platform/identity';
import { metresBetween } from '#test/fixtures';

const OPERATOR_KEY = 'mobility-test-operator-key';
const operator = { 'x-api-key': OPERATOR_KEY };

let platform: TestPlatform;
let db: DataSource;
let subgraphUrl: string;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'mobility']);
  const mobility = platform.subgraphs.find((subgraph) => subgraph.name === 'mobility');
  if (!mobility) throw new Error('the mobility subgraph did not start');
  db = mobility.db;
  subgraphUrl = mobility.url;
});
afterAll(() => platform?.stop());

/**
 * Straight to the subgraph, with an identity signed as the gateway would: how the tests act as a
 * volunteer (the gateway has no volunteer sign-in to drive yet) and how they probe `_entities`.
 */
async function subgraph<TData = Record<string, unknown>>(
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<TData> & { text: string }> {
  const response = await fetch(subgraphUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [IDENTITY_HEADER]: encodeIdentity(identity, platform.gatewaySecret),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, ...(JSON.parse(text) as Omit<GraphQLResponse<TData>, 'status'>) };
}

const volunteer = (id: string): Identity => ({ roles: ['volunteer'], subject: id });
const anonymous: Identity = { roles: ['public'] };

async function gateway<TData = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData> & { text: string }> {
  const result = await platform.query<TData>(query, variables, headers);
  return { ...result, text: JSON.stringify(result) };
}

function codes(result: GraphQLResponse<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** Personal values taken from the database, which no unauthorised answer may contain. */
async function personalSamples(): Promise<string[]> {
  const [beneficiary] = await db.query<{ phone: string; family_name: string; street_address: string }[]>(
    `SELECT b.phone, b.family_name, b.street_address FROM beneficiary b
       JOIN accompaniment_request r ON r.beneficiary_id = b.id WHERE r.status = 'OPEN' ORDER BY r.id LIMIT 1`,
  );
  const [volunteerRow] = await db.query<{ email: string; phone: string }[]>(
    `SELECT v.email, v.phone FROM volunteer v JOIN accompaniment_request r ON r.volunteer_id = v.id ORDER BY r.id LIMIT 1`,
  );
  return [beneficiary.phone, beneficiary.street_address, volunteerRow.email, volunteerRow.phone];
}

async function activeVolunteers(count: number): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    'SELECT id FROM volunteer WHERE active ORDER BY id LIMIT $1',
    [count],
  );
  return rows.map((row) => row.id);
}

let requestCounter = 0;
/** A fresh OPEN request recorded by an operator, for the lifecycle tests. */
async function newRequest(beneficiaryId = 'BEN-00010'): Promise<string> {
  requestCounter += 1;
  const result = await gateway<{ requestAccompaniment: { id: string; status: string } }>(
    `mutation($input: RequestAccompanimentInput!) { requestAccompaniment(input: $input) { id status } }`,
    {
      input: {
        clientRequestId: `test-${Date.now()}-${requestCounter}`,
        beneficiaryId,
        purpose: 'SHOPPING',
        requestedFor: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      },
    },
    operator,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.requestAccompaniment.status).toBe('OPEN');
  return result.data!.requestAccompaniment.id;
}

describe('privacy: anonymous callers', () => {
  const privateQueries: [string, string][] = [
    [
      'accompanimentRequests',
      '{ accompanimentRequests(first: 3) { edges { node { id location { latitude } beneficiary { phone } } } } }',
    ],
    [
      'accompanimentRequest',
      '{ accompanimentRequest(id: "REQ-000001") { id beneficiary { givenName phone } } }',
    ],
    [
      'openAccompanimentRequests',
      '{ openAccompanimentRequests(near: { latitude: 48.86, longitude: 2.35, radiusMeters: 20000 }) { edges { node { id } } } }',
    ],
    [
      'beneficiaries',
      '{ beneficiaries(first: 3) { edges { node { id givenName phone streetAddress birthYear } } } }',
    ],
    ['beneficiary', '{ beneficiary(id: "BEN-00001") { id givenName phone location { latitude } } }'],
    ['volunteers', '{ volunteers(first: 3) { edges { node { id givenName email phone } } } }'],
    ['volunteer', '{ volunteer(id: "VOL-0001") { id email phone } }'],
    ['myMissions', '{ myMissions { edges { node { id contact { phone } } } } }'],
  ];

  it.each(privateQueries)('cannot read %s through the gateway', async (field, query) => {
    const samples = await personalSamples();
    const result = await gateway(query);
    expect(codes(result)).toContain('FORBIDDEN');
    expect((result.data as Record<string, unknown> | undefined)?.[field] ?? null).toBeNull();
    for (const sample of samples) expect(result.text).not.toContain(sample);
  });

  it('cannot run the lifecycle mutations', async () => {
    const result = await gateway(
      `mutation { acceptAccompanimentRequest(id: "REQ-000001", volunteerId: "VOL-0001") { id } }`,
    );
    expect(codes(result)).toContain('FORBIDDEN');
    const created = await gateway(
      `mutation { requestAccompaniment(input: { clientRequestId: "anon", beneficiaryId: "BEN-00001", purpose: WALK,
         requestedFor: "2030-01-01T10:00:00Z" }) { id } }`,
    );
    expect(codes(created)).toContain('FORBIDDEN');
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM accompaniment_request WHERE client_request_id = 'anon'`,
    );
    expect(count).toBe(0);
  });

  it('finds no `_entities` (nor `_service`) on the gateway, with or without a key', async () => {
    const entities = `{ _entities(representations: [{ __typename: "AccompanimentRequest", id: "REQ-000001" }]) {
        ... on AccompanimentRequest { id location { latitude longitude } } } }`;
    for (const headers of [{}, operator]) {
      const result = await gateway(entities, {}, headers);
      expect(codes(result)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(result.data ?? null).toBeNull();
      expect(result.text).not.toMatch(/"latitude":\s*\d/);
    }
    const schema = await gateway<{ __schema: { queryType: { fields: { name: string }[] } } }>(
      '{ __schema { queryType { fields { name } } } }',
    );
    const fields = schema.data?.__schema.queryType.fields.map((field) => field.name) ?? [];
    expect(fields).toContain('accompanimentStats');
    expect(fields).not.toContain('_entities');
    expect(fields).not.toContain('_service');
  });

  it("gets nothing personal from the subgraph's own `_entities` either", async () => {
    const samples = await personalSamples();
    const representations = [
      { __typename: 'AccompanimentRequest', id: 'REQ-000001' },
      { __typename: 'Beneficiary', id: 'BEN-00001' },
      { __typename: 'Volunteer', id: 'VOL-0001' },
      { __typename: 'Mission', id: 'REQ-000001' },
    ];
    const result = await subgraph<{ _entities: unknown[] }>(
      anonymous,
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
         ... on AccompanimentRequest { id location { latitude } }
         ... on Beneficiary { id givenName phone streetAddress birthYear }
         ... on Volunteer { id email phone }
         ... on Mission { id meetingPoint { latitude } contact { phone } } } }`,
      { representations },
    );
    expect(result.data?._entities).toEqual([null, null, null, null]);
    expect(codes(result).every((code) => code === 'FORBIDDEN')).toBe(true);
    expect(codes(result)).toHaveLength(4);
    for (const sample of samples) expect(result.text).not.toContain(sample);
  });
});

describe('operators', () => {
  it('read requests with the personal data, joined to the arrondissement from territory', async () => {
    const result = await gateway<{
      accompanimentRequests: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            location: { latitude: number };
            beneficiary: {
              id: string;
              givenName: string;
              phone: string;
              birthYear: number;
              registeredAt: string;
            };
            arrondissement: { code: number; name: string };
          };
        }[];
      };
    }>(
      `{ accompanimentRequests(first: 10, filter: { status: COMPLETED, arrondissement: 16 }) { totalCount edges { node {
           id location { latitude } arrondissement { code name }
           beneficiary { id givenName phone birthYear registeredAt } volunteer { id email } } } } }`,
      {},
      operator,
    );
    expect(result.errors).toBeUndefined();
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM accompaniment_request WHERE status = 'COMPLETED' AND arrondissement_code = 16`,
    );
    expect(result.data?.accompanimentRequests.totalCount).toBe(count);
    const nodes = result.data!.accompanimentRequests.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(10);
    for (const node of nodes) {
      expect(node.arrondissement).toEqual({ code: 16, name: expect.stringMatching(/16/) });
      expect(node.beneficiary.phone).toMatch(/^01 99 00 \d\d \d\d$/);
      // Paris en Compagnie's generated beneficiaries were 75 or older when they registered.
      expect(
        new Date(node.beneficiary.registeredAt).getUTCFullYear() - node.beneficiary.birthYear,
      ).toBeGreaterThanOrEqual(75);
    }
  });

  it('page through a filtered list in order, every request once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let previous = Infinity;
    let totalCount = 0;
    for (let guard = 0; guard < 20; guard += 1) {
      const page: GraphQLResponse<{
        accompanimentRequests: {
          totalCount: number;
          edges: { node: { id: string; requestedFor: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }> = await gateway(
        `query($after: String) { accompanimentRequests(first: 100, after: $after, filter: { arrondissement: 1 }) {
           totalCount edges { node { id requestedFor } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        operator,
      );
      expect(page.errors).toBeUndefined();
      const connection = page.data!.accompanimentRequests;
      totalCount = connection.totalCount;
      for (const { node } of connection.edges) {
        const time = Date.parse(node.requestedFor);
        expect(time).toBeLessThanOrEqual(previous);
        previous = time;
        seen.push(node.id);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const [{ count }] = await db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM accompaniment_request WHERE arrondissement_code = 1',
    );
    expect(totalCount).toBe(count);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });

  it('filter by date range, status and distance', async () => {
    const result = await gateway<{
      accompanimentRequests: {
        totalCount: number;
        edges: {
          node: {
            requestedFor: string;
            status: string;
            approximateLocation: { latitude: number; longitude: number };
          };
        }[];
      };
    }>(
      `{ accompanimentRequests(first: 100, filter: { status: CANCELLED, requestedFrom: "2023-01-01T00:00:00Z",
           requestedBefore: "2024-01-01T00:00:00Z", near: { latitude: 48.8606, longitude: 2.2620, radiusMeters: 1500 } }) {
           totalCount edges { node { requestedFor status approximateLocation { latitude longitude } } } } }`,
      {},
      operator,
    );
    expect(result.errors).toBeUndefined();
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM accompaniment_request WHERE status = 'CANCELLED'
         AND requested_for >= '2023-01-01Z' AND requested_for < '2024-01-01Z'
         AND earth_distance(ll_to_earth(48.8606, 2.2620), ll_to_earth(latitude, longitude)) <= 1500`,
    );
    expect(count).toBeGreaterThan(0);
    expect(result.data?.accompanimentRequests.totalCount).toBe(count);
    for (const { node } of result.data!.accompanimentRequests.edges) {
      expect(node.status).toBe('CANCELLED');
      expect(node.requestedFor.startsWith('2023')).toBe(true);
      expect(
        metresBetween(node.approximateLocation, { latitude: 48.8606, longitude: 2.262 }),
      ).toBeLessThanOrEqual(1501);
    }
  });

  it('read a beneficiary with a nested page of their requests', async () => {
    const result = await gateway<{
      beneficiary: {
        phone: string;
        accompanimentRequests: { totalCount: number; edges: { node: { id: string } }[] };
      };
    }>(
      `{ beneficiary(id: "BEN-00003") { phone accompanimentRequests(first: 2) { totalCount edges { node { id } } } } }`,
      {},
      operator,
    );
    expect(result.errors).toBeUndefined();
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM accompaniment_request WHERE beneficiary_id = 'BEN-00003'`,
    );
    expect(result.data?.beneficiary.accompanimentRequests.totalCount).toBe(count);
    expect(result.data?.beneficiary.accompanimentRequests.edges.length).toBe(Math.min(2, count));
  });

  it.each([
    [
      'an unknown arrondissement',
      '{ accompanimentRequests(filter: { arrondissement: 21 }) { totalCount } }',
      /1 to 20/,
    ],
    ['a page over 100', '{ accompanimentRequests(first: 101) { totalCount } }', /must not exceed 100/],
    ['a forged cursor', '{ accompanimentRequests(after: "forged") { totalCount } }', /not a cursor/],
    [
      'a radius out of range',
      '{ accompanimentRequests(filter: { near: { latitude: 48.86, longitude: 2.35, radiusMeters: 0 } }) { totalCount } }',
      /radiusMeters/,
    ],
    [
      'an empty date range',
      '{ accompanimentRequests(filter: { requestedFrom: "2024-01-01T00:00:00Z", requestedBefore: "2023-01-01T00:00:00Z" }) { totalCount } }',
      /requestedFrom/,
    ],
  ])('get BAD_USER_INPUT for %s', async (_case, query, message) => {
    const result = await gateway(query, {}, operator);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(message);
  });
});

describe('volunteers', () => {
  const near = { latitude: 48.8606, longitude: 2.262, radiusMeters: 3000 };

  it('see open requests near them, approximately located and without identity', async () => {
    const [me] = await activeVolunteers(1);
    const result = await subgraph<{
      openAccompanimentRequests: {
        totalCount: number;
        edges: {
          node: { id: string; status: string; approximateLocation: { latitude: number; longitude: number } };
        }[];
      };
    }>(
      volunteer(me),
      `query($near: NearInput!) { openAccompanimentRequests(near: $near, first: 100) {
        totalCount edges { node { id status purpose requestedFor approximateLocation { latitude longitude } } } } }`,
      { near },
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.openAccompanimentRequests.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    const exact = await db.query<{ id: string; exact_latitude: number; exact_longitude: number }[]>(
      'SELECT id, exact_latitude, exact_longitude FROM accompaniment_request WHERE id = ANY($1)',
      [nodes.map((node) => node.id)],
    );
    const exactById = new Map(
      exact.map((row) => [row.id, { latitude: row.exact_latitude, longitude: row.exact_longitude }]),
    );
    for (const node of nodes) {
      expect(node.status).toBe('OPEN');
      expect(metresBetween(node.approximateLocation, near)).toBeLessThanOrEqual(near.radiusMeters + 1);
      const truth = exactById.get(node.id)!;
      // Rounded: near the truth (within the ~200 m cell) but not the truth.
      expect(metresBetween(node.approximateLocation, truth)).toBeLessThan(200);
      expect(node.approximateLocation).not.toEqual(truth);
    }
  });

  it('search around where they are, not across the city; operators may', async () => {
    const [me] = await activeVolunteers(1);
    const wide = { ...near, radiusMeters: 3001 };
    const query = `query($near: NearInput!) { openAccompanimentRequests(near: $near, first: 1) { totalCount } }`;
    const refused = await subgraph(volunteer(me), query, { near: wide });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0].message).toMatch(/within 3000 m/);
    const operator = await subgraph({ roles: ['operator'] }, query, { near: wide });
    expect(operator.errors).toBeUndefined();
  });

  it('cannot read identity or exact location, nested or by id', async () => {
    const [me] = await activeVolunteers(1);
    const samples = await personalSamples();
    const nested = await subgraph<{
      openAccompanimentRequests: { edges: { node: Record<string, unknown> }[] };
    }>(
      volunteer(me),
      `{ openAccompanimentRequests(near: { latitude: 48.86, longitude: 2.34, radiusMeters: 3000 }, first: 5) {
          edges { node { id location { latitude } beneficiary { givenName phone } volunteer { email } } } } }`,
    );
    expect(codes(nested).length).toBeGreaterThanOrEqual(5);
    expect(codes(nested).every((code) => code === 'FORBIDDEN')).toBe(true);
    for (const { node } of nested.data!.openAccompanimentRequests.edges) {
      expect(node.location).toBeNull();
      expect(node.beneficiary).toBeNull();
    }
    for (const sample of samples) expect(nested.text).not.toContain(sample);
    const list = await subgraph(volunteer(me), '{ accompanimentRequests { totalCount } }');
    expect(codes(list)).toEqual(['FORBIDDEN']);
    const [completedElsewhere] = await db.query<{ id: string }[]>(
      `SELECT id FROM accompaniment_request WHERE status = 'COMPLETED' AND volunteer_id <> $1 LIMIT 1`,
      [me],
    );
    const other = await subgraph<{ accompanimentRequest: unknown }>(
      volunteer(me),
      `{ accompanimentRequest(id: "${completedElsewhere.id}") { id } }`,
    );
    expect(other.errors).toBeUndefined();
    expect(other.data?.accompanimentRequest).toBeNull();
  });

  it('accept, start and complete a mission, seeing the contact only while it is underway', async () => {
    const [me, someoneElse] = await activeVolunteers(2);
    const id = await newRequest('BEN-00010');
    const missionFields =
      'id status acceptedAt startedAt completedAt meetingPoint { latitude longitude } contact { givenName phone }';
    const accepted = await subgraph<{
      acceptAccompanimentRequest: {
        id: string;
        status: string;
        meetingPoint: { latitude: number };
        contact: { phone: string };
      };
    }>(volunteer(me), `mutation { acceptAccompanimentRequest(id: "${id}") { ${missionFields} } }`);
    expect(accepted.errors).toBeUndefined();
    const [beneficiary] = await db.query<{ phone: string; latitude: number }[]>(
      `SELECT phone, latitude FROM beneficiary WHERE id = 'BEN-00010'`,
    );
    expect(accepted.data?.acceptAccompanimentRequest).toMatchObject({
      id,
      status: 'ACCEPTED',
      meetingPoint: { latitude: beneficiary.latitude },
      contact: { phone: beneficiary.phone },
    });

    const retried = await subgraph<{ acceptAccompanimentRequest: { id: string } }>(
      volunteer(me),
      `mutation { acceptAccompanimentRequest(id: "${id}") { id status } }`,
    );
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.acceptAccompanimentRequest).toEqual({ id, status: 'ACCEPTED' });

    const lateComer = await subgraph(
      volunteer(someoneElse),
      `mutation { acceptAccompanimentRequest(id: "${id}") { id } }`,
    );
    expect(codes(lateComer)).toEqual(['CONFLICT']);
    const intruder = await subgraph(volunteer(someoneElse), `mutation { startMission(id: "${id}") { id } }`);
    expect(codes(intruder)).toEqual(['FORBIDDEN']);
    const peek = await subgraph(
      volunteer(someoneElse),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { id contact { phone } } } }`,
      { r: [{ __typename: 'Mission', id }] },
    );
    expect(codes(peek)).toEqual(['FORBIDDEN']);
    expect(peek.text).not.toContain(beneficiary.phone);

    const early = await subgraph(volunteer(me), `mutation { completeMission(id: "${id}") { id } }`);
    expect(codes(early)).toEqual(['CONFLICT']);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const started = await subgraph<{ startMission: { status: string } }>(
        volunteer(me),
        `mutation { startMission(id: "${id}") { status } }`,
      );
      expect(started.errors).toBeUndefined();
      expect(started.data?.startMission.status).toBe('IN_PROGRESS');
    }
    const completed = await subgraph<{
      completeMission: { status: string; completedAt: string; contact: unknown };
    }>(volunteer(me), `mutation { completeMission(id: "${id}") { status completedAt contact { phone } } }`);
    expect(completed.errors).toBeUndefined();
    expect(completed.data?.completeMission).toMatchObject({ status: 'COMPLETED', contact: null });

    const mine = await subgraph<{
      myMissions: { totalCount: number; edges: { node: { id: string; status: string } }[] };
    }>(
      volunteer(me),
      '{ myMissions(first: 100, status: COMPLETED) { totalCount edges { node { id status } } } }',
    );
    expect(mine.errors).toBeUndefined();
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM accompaniment_request WHERE volunteer_id = $1 AND status = 'COMPLETED'`,
      [me],
    );
    expect(mine.data?.myMissions.totalCount).toBe(count);
    expect(mine.data?.myMissions.edges.map((edge) => edge.node.id)).toContain(id);

    const cancelled = await gateway(
      `mutation { cancelAccompanimentRequest(input: { id: "${id}", reason: HEALTH }) { id } }`,
      {},
      operator,
    );
    expect(codes(cancelled)).toEqual(['CONFLICT']);
  });
});

describe('lifecycle mutations', () => {
  it('record a request once however often the client retries, and refuse a reused key', async () => {
    const input = {
      clientRequestId: `retry-${Date.now()}`,
      beneficiaryId: 'BEN-00020',
      purpose: 'MEDICAL_APPOINTMENT',
      requestedFor: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      durationMinutes: 120,
    };
    const mutation = `mutation($input: RequestAccompanimentInput!) {
      requestAccompaniment(input: $input) { id status provenance arrondissement { code } location { latitude } approximateLocation { latitude } } }`;
    const first = await gateway<{
      requestAccompaniment: {
        id: string;
        provenance: string | null;
        location: { latitude: number };
        approximateLocation: { latitude: number };
      };
    }>(mutation, { input }, operator);
    expect(first.errors).toBeUndefined();
    expect(first.data?.requestAccompaniment.id).toMatch(/^REQ-\d{6}$/);
    expect(first.data?.requestAccompaniment.provenance).toBeNull();
    const [home] = await db.query<{ latitude: number; arrondissement_code: number }[]>(
      `SELECT latitude, arrondissement_code FROM beneficiary WHERE id = 'BEN-00020'`,
    );
    expect(first.data?.requestAccompaniment.location.latitude).toBe(home.latitude);
    expect(first.data?.requestAccompaniment.approximateLocation.latitude).not.toBe(home.latitude);

    const again = await gateway<{ requestAccompaniment: { id: string } }>(mutation, { input }, operator);
    expect(again.data?.requestAccompaniment.id).toBe(first.data?.requestAccompaniment.id);
    const [{ count }] = await db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM accompaniment_request WHERE client_request_id = $1',
      [input.clientRequestId],
    );
    expect(count).toBe(1);

    const reused = await gateway(mutation, { input: { ...input, purpose: 'WALK' } }, operator);
    expect(codes(reused)).toEqual(['CONFLICT']);
  });

  it.each([
    ['an unknown beneficiary', { beneficiaryId: 'BEN-99999' }, /beneficiary/],
    ['a date in the past', { requestedFor: '2020-01-01T10:00:00Z' }, /future/],
    [
      'a date too far ahead',
      { requestedFor: new Date(Date.now() + 400 * 86_400_000).toISOString() },
      /180 days/,
    ],
    ['an impossible duration', { durationMinutes: 5 }, /15 to 480/],
    [
      'a pickup outside Paris',
      { pickup: { arrondissement: 12, latitude: 45.76, longitude: 4.83 } },
      /in Paris/,
    ],
    [
      'a pickup in arrondissement 0',
      { pickup: { arrondissement: 0, latitude: 48.85, longitude: 2.35 } },
      /1 to 20/,
    ],
  ])('refuse %s with BAD_USER_INPUT and write nothing', async (_case, override, message) => {
    const clientRequestId = `invalid-${Date.now()}-${Math.random()}`;
    const input = {
      clientRequestId,
      beneficiaryId: 'BEN-00020',
      purpose: 'CULTURE',
      requestedFor: new Date(Date.now() + 86_400_000).toISOString(),
      ...override,
    };
    const result = await gateway(
      `mutation($input: RequestAccompanimentInput!) { requestAccompaniment(input: $input) { id } }`,
      { input },
      operator,
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(message);
    const [{ count }] = await db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM accompaniment_request WHERE client_request_id = $1',
      [clientRequestId],
    );
    expect(count).toBe(0);
  });

  it('cancel an open request, idempotently', async () => {
    const id = await newRequest();
    const cancel = `mutation { cancelAccompanimentRequest(input: { id: "${id}", reason: BENEFICIARY_REQUEST }) {
      status cancellationReason cancelledAt } }`;
    const first = await gateway<{ cancelAccompanimentRequest: { status: string; cancelledAt: string } }>(
      cancel,
      {},
      operator,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data?.cancelAccompanimentRequest).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'BENEFICIARY_REQUEST',
    });
    const second = await gateway<{ cancelAccompanimentRequest: { cancelledAt: string } }>(
      cancel,
      {},
      operator,
    );
    expect(second.data?.cancelAccompanimentRequest.cancelledAt).toBe(
      first.data?.cancelAccompanimentRequest.cancelledAt,
    );
    const accept = await gateway(
      `mutation { acceptAccompanimentRequest(id: "${id}", volunteerId: "VOL-0001") { id } }`,
      {},
      operator,
    );
    expect(codes(accept)).toEqual(['CONFLICT']);
    expect(accept.errors?.[0].message).toMatch(/cancelled/);
    const missing = await gateway(
      `mutation { cancelAccompanimentRequest(input: { id: "REQ-999999", reason: OTHER }) { id } }`,
      {},
      operator,
    );
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('let exactly one of 50 concurrent accepts win; the 49 others get CONFLICT', async () => {
    const id = await newRequest('BEN-00030');
    const volunteers = await activeVolunteers(50);
    expect(volunteers).toHaveLength(50);
    const results = await Promise.all(
      volunteers.map((volunteerId) =>
        gateway<{ acceptAccompanimentRequest: { id: string } | null }>(
          `mutation($id: ID!, $volunteerId: ID!) { acceptAccompanimentRequest(id: $id, volunteerId: $volunteerId) { id status } }`,
          { id, volunteerId },
          operator,
        ),
      ),
    );
    const winners = results.flatMap((result, index) => (result.errors ? [] : [volunteers[index]]));
    expect(winners).toHaveLength(1);
    const losers = results.filter((result) => result.errors);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      expect(codes(loser)).toEqual(['CONFLICT']);
      expect(loser.errors?.[0].message).toMatch(/already been accepted/);
    }
    const [row] = await db.query<{ volunteer_id: string; status: string }[]>(
      'SELECT volunteer_id, status FROM accompaniment_request WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ volunteer_id: winners[0], status: 'ACCEPTED' });
  });

  it('ask operators to name the volunteer they assign', async () => {
    const id = await newRequest();
    const missing = await gateway(
      `mutation { acceptAccompanimentRequest(id: "${id}") { id } }`,
      {},
      operator,
    );
    expect(codes(missing)).toEqual(['BAD_USER_INPUT']);
    const unknown = await gateway(
      `mutation { acceptAccompanimentRequest(id: "${id}", volunteerId: "VOL-9999") { id } }`,
      {},
      operator,
    );
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
  });
});

interface StatsCell {
  arrondissement: { code: number };
  period: 'MONTH' | 'YEAR';
  year: number;
  month: number | null;
  requests: number | null;
  completed: number | null;
  volunteersActive: number | null;
  averageResponseMinutes: number | null;
  suppressed: boolean;
}

const STATS_FIELDS =
  'arrondissement { code } period year month requests completed volunteersActive averageResponseMinutes suppressed';

interface RawCell {
  arrondissement: number;
  year: number;
  month: number | null;
  requests: number;
  completed: number;
  volunteers: number;
  accepted: number;
  response: number | null;
}

/** The true figures, computed here independently of the service. */
async function rawCells(): Promise<Map<string, RawCell>> {
  const rows = await db.query<RawCell[]>(
    `WITH r AS (SELECT arrondissement_code AS arrondissement,
                       extract(year FROM requested_for AT TIME ZONE 'Europe/Paris')::int AS year,
                       extract(month FROM requested_for AT TIME ZONE 'Europe/Paris')::int AS month, * FROM accompaniment_request)
     SELECT arrondissement, year, month, count(*)::int AS requests, count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
            count(DISTINCT volunteer_id)::int AS volunteers, count(accepted_at)::int AS accepted,
            avg(extract(epoch FROM accepted_at - created_at) / 60)::float8 AS response
       FROM r GROUP BY arrondissement, year, month
     UNION ALL
     SELECT arrondissement, year, NULL, count(*)::int, count(*) FILTER (WHERE status = 'COMPLETED')::int,
            count(DISTINCT volunteer_id)::int, count(accepted_at)::int, avg(extract(epoch FROM accepted_at - created_at) / 60)::float8
       FROM r GROUP BY arrondissement, year`,
  );
  return new Map(rows.map((row) => [`${row.arrondissement}:${row.year}:${row.month ?? 'year'}`, row]));
}

const empty = (arrondissement: number, year: number, month: number | null): RawCell => ({
  arrondissement,
  year,
  month,
  requests: 0,
  completed: 0,
  volunteers: 0,
  accepted: 0,
  response: null,
});

describe('public aggregates (accompanimentStats)', () => {
  let months: StatsCell[];
  let years: StatsCell[];
  let raw: Map<string, RawCell>;

  beforeAll(async () => {
    const month = await gateway<{ accompanimentStats: StatsCell[] }>(
      `{ accompanimentStats(filter: { period: MONTH }) { ${STATS_FIELDS} } }`,
    );
    const year = await gateway<{ accompanimentStats: StatsCell[] }>(
      `{ accompanimentStats { ${STATS_FIELDS} } }`,
    );
    expect(month.errors).toBeUndefined();
    expect(year.errors).toBeUndefined();
    months = month.data!.accompanimentStats;
    years = year.data!.accompanimentStats;
    raw = await rawCells();
  });

  it('cover every arrondissement and every closed month and year since 2019, for anyone', () => {
    const now = new Date();
    const currentYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(now),
    );
    expect(years).toHaveLength(20 * (currentYear - 2019));
    expect(
      years.every((cell) => cell.period === 'YEAR' && cell.month === null && cell.year < currentYear),
    ).toBe(true);
    expect(new Set(months.map((cell) => cell.arrondissement.code)).size).toBe(20);
    expect(months.length % 20).toBe(0);
    expect(months.length / 20).toBeGreaterThanOrEqual(12 * (currentYear - 2019));
  });

  it('publish true figures only where every count is at least 5, and null everything else', () => {
    let published = 0;
    let suppressed = 0;
    for (const cell of [...months, ...years]) {
      const truth =
        raw.get(`${cell.arrondissement.code}:${cell.year}:${cell.month ?? 'year'}`) ??
        empty(cell.arrondissement.code, cell.year, cell.month);
      const small = Math.min(truth.requests, truth.completed, truth.volunteers, truth.accepted) < 5;
      if (small) expect(cell.suppressed).toBe(true);
      if (cell.suppressed) {
        suppressed += 1;
        expect([cell.requests, cell.completed, cell.volunteersActive, cell.averageResponseMinutes]).toEqual([
          null,
          null,
          null,
          null,
        ]);
      } else {
        published += 1;
        expect(cell).toMatchObject({
          requests: truth.requests,
          completed: truth.completed,
          volunteersActive: truth.volunteers,
        });
        expect(cell.averageResponseMinutes).toBeCloseTo(truth.response ?? NaN, 0);
        expect(Math.min(cell.requests!, cell.completed!, cell.volunteersActive!)).toBeGreaterThanOrEqual(5);
      }
    }
    // Both cases occur in the seeded history, so both branches above were exercised.
    expect(published).toBeGreaterThan(20);
    expect(suppressed).toBeGreaterThan(20);
    expect(months.some((cell) => !cell.suppressed)).toBe(true);
  });

  it('never let "year minus visible months" reveal a suppressed month', () => {
    let complemented = 0;
    for (const year of years.filter((cell) => !cell.suppressed)) {
      const inYear = months.filter(
        (cell) => cell.arrondissement.code === year.arrondissement.code && cell.year === year.year,
      );
      expect(inYear).toHaveLength(12);
      const hidden = inYear.filter((cell) => cell.suppressed);
      if (hidden.length === 0) continue;
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      const visible = inYear.filter((cell) => !cell.suppressed);
      for (const key of ['requests', 'completed'] as const) {
        const derived = year[key]! - visible.reduce((sum, cell) => sum + cell[key]!, 0);
        expect(derived).toBeGreaterThanOrEqual(5);
      }
      complemented += 1;
    }
    expect(complemented).toBeGreaterThan(0);
  });

  it('give the same cells on Arrondissement, joined from territory, as at the root', async () => {
    const result = await gateway<{
      arrondissements: { code: number; name: string; accompanimentStats: StatsCell[] }[];
    }>(
      `{ arrondissements { code name accompanimentStats(period: MONTH, fromYear: 2024, toYear: 2024) { ${STATS_FIELDS} } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.arrondissements).toHaveLength(20);
    for (const arrondissement of result.data!.arrondissements) {
      expect(arrondissement.accompanimentStats).toEqual(
        months.filter((cell) => cell.arrondissement.code === arrondissement.code && cell.year === 2024),
      );
    }
  });

  it.each([
    ['arrondissement 21', '{ accompanimentStats(filter: { arrondissement: 21 }) { year } }', /1 to 20/],
    ['a year before the service', '{ accompanimentStats(filter: { fromYear: 2018 }) { year } }', /2019/],
    [
      'an inverted range',
      '{ accompanimentStats(filter: { fromYear: 2024, toYear: 2022 }) { year } }',
      /fromYear/,
    ],
  ])('answer %s with BAD_USER_INPUT', async (_case, query, message) => {
    const result = await gateway(query);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(message);
  });
});

describe('SQL statements do not grow with the page size', () => {
  async function statements(query: string, headers: Record<string, string> = operator): Promise<number> {
    sqlStatementCounter.reset();
    const result = await gateway(query, {}, headers);
    expect(result.errors).toBeUndefined();
    return sqlStatementCounter.bySchema.get('mobility') ?? 0;
  }

  // Completed requests all have a volunteer, so both page sizes resolve the same nested fields.
  it('for requests with their beneficiary, volunteer and arrondissement', async () => {
    const query = (first: number) =>
      `{ accompanimentRequests(first: ${first}, filter: { status: COMPLETED }) { totalCount edges { node { id
         beneficiary { phone } volunteer { email }
         arrondissement { name } } } } }`;
    const small = await statements(query(2));
    expect(small).toBeGreaterThan(0);
    expect(await statements(query(80))).toBe(small);
  });

  it('for beneficiaries with a nested page of requests', async () => {
    const query = (first: number) =>
      `{ beneficiaries(first: ${first}) { edges { node { id accompanimentRequests(first: 3) { totalCount edges { node { id } } } } } } }`;
    const small = await statements(query(2));
    expect(await statements(query(60))).toBe(small);
  });

  it('for the statistics of every arrondissement', async () => {
    const one = await statements(`{ arrondissement(code: 5) { accompanimentStats { year requests } } }`, {});
    const all = await statements(
      `{ arrondissements { accompanimentStats(period: MONTH) { year requests } } }`,
      {},
    );
    expect(one).toBe(1);
    expect(all).toBe(1);
  });
});
