import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '#gateway/api-keys';
import { createGatewayDataSource } from '#gateway/database';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { eventually, metricsOf, OPERATOR_KEY, reportFillLevel } from '#test/live-clients';
import { acknowledgedSocket, openRawSocket, type RawSocket } from './support';

/**
 * graphql-cop's checks that apply over a socket, and the protocol abuses only a socket allows,
 * against a production gateway: each refusal is an error with a stable code or a stable close code.
 */
const MAX_SUBSCRIPTIONS = 5;
const TINY_TIER = 4;
let platform: TestPlatform;
let url: string;
let db: ReturnType<typeof createGatewayDataSource>;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  process.env.SUBSCRIPTIONS_PER_CONNECTION = String(MAX_SUBSCRIPTIONS);
  platform = await startTestPlatform(['territory', 'waste', 'mobility'], {
    production: true,
    rateLimit: {
      windowSeconds: 60,
      tiers: { anonymous: 1000, standard: 1000, high: 100_000, tiny: TINY_TIER },
      namespace: `ws-attacks-${randomUUID()}`,
    },
  });
  url = platform.gateway.url;
  db = createGatewayDataSource(platform.databaseUrl, 1);
  await db.initialize();
});
afterAll(async () => {
  await db?.destroy();
  await platform?.stop();
});

async function createKey(tier: string): Promise<{ key: string; id: string }> {
  const { key, record } = await new ApiKeyStore(db).create({ role: 'researcher', tier, label: 'ws attacks' });
  return { key, id: record.id };
}

type ErrorList = { message: string; extensions?: Record<string, unknown> }[];

/** Subscribes with `id` and resolves with the errors it is answered with (an `error`, or a `next` carrying errors). */
async function refusal(raw: RawSocket, query: string, id: string = randomUUID()): Promise<ErrorList> {
  raw.send({ id, type: 'subscribe', payload: { query } });
  const message = await raw.waitFor(
    (item) =>
      item.id === id &&
      (item.type !== 'next' || Boolean((item.payload as { errors?: unknown } | undefined)?.errors)),
  );
  expect(message.type).not.toBe('complete');
  return message.type === 'error'
    ? (message.payload as ErrorList)
    : (message.payload as { errors: ErrorList }).errors;
}

async function closeCode(send: (raw: RawSocket) => void, init = true): Promise<number> {
  const raw = init ? await acknowledgedSocket(url) : await openRawSocket(url);
  send(raw);
  return (await raw.closed).code;
}

const STATION_FIELDS = 'eventId station { id }';

describe('graphql-ws protocol abuse', () => {
  it('closes with 4400 on malformed JSON, an unknown message type and a batch of messages', async () => {
    expect(await closeCode((raw) => raw.send('{"type":"subscribe",'))).toBe(4400);
    expect(await closeCode((raw) => raw.send({ type: 'execute', id: '1', payload: {} }))).toBe(4400);
    const subscribe = {
      type: 'subscribe',
      payload: { query: `subscription { wasteStationUpdated { ${STATION_FIELDS} } }` },
    };
    expect(
      await closeCode((raw) =>
        raw.send([
          { ...subscribe, id: '1' },
          { ...subscribe, id: '2' },
        ]),
      ),
    ).toBe(4400);
  });

  it('closes with 4401 on a subscribe before connection_init, and 4429 on a second connection_init', async () => {
    const early = {
      id: '1',
      type: 'subscribe',
      payload: { query: 'subscription { wasteStationUpdated { eventId } }' },
    };
    expect(await closeCode((raw) => raw.send(early), false)).toBe(4401);
    expect(await closeCode((raw) => raw.send({ type: 'connection_init' }))).toBe(4429);
  });

  it('closes with 1009 on a message over the size limit, before parsing it', async () => {
    const huge = `subscription { wasteStationUpdated { eventId } } # ${'x'.repeat(200_000)}`;
    expect(await closeCode((raw) => raw.send({ id: '1', type: 'subscribe', payload: { query: huge } }))).toBe(
      1009,
    );
  });
});

describe('graphql-cop checks over graphql-ws', () => {
  it('refuses alias and directive overloading, depth and cost bombs with their codes', async () => {
    const raw = await acknowledgedSocket(url);
    const aliases = Array.from({ length: 20 }, (_, index) => `a${index}: eventId`).join(' ');
    expect(
      (await refusal(raw, `subscription { wasteStationUpdated { ${aliases} } }`))[0].extensions?.code,
    ).toBe('ALIAS_LIMIT_EXCEEDED');
    const directives = Array.from({ length: 60 }, () => '@include(if: true)').join(' ');
    expect(
      (await refusal(raw, `subscription { wasteStationUpdated { eventId ${directives} } }`))[0].extensions
        ?.code,
    ).toBe('DIRECTIVE_LIMIT_EXCEEDED');
    let nested = 'id';
    for (let level = 0; level < 6; level += 1)
      nested = `arrondissement { wasteStations(first: 1) { edges { node { ${nested} } } } }`;
    expect(
      (await refusal(raw, `subscription { wasteStationUpdated { station { ${nested} } } }`))[0].extensions
        ?.code,
    ).toBe('DEPTH_LIMIT_EXCEEDED');
    const cost = `subscription { wasteStationUpdated { station { arrondissement { wasteStations(first: 100) {
      edges { node { collections(first: 100) { edges { node { weightKg } } } } } } } } } }`;
    expect((await refusal(raw, cost))[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    raw.socket.close();
  });

  it('gives no field suggestions and no introspection in production', async () => {
    const raw = await acknowledgedSocket(url);
    const typo = await refusal(raw, 'subscription { wasteStationUpdated { eventI } }');
    expect(typo[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo[0].message).not.toMatch(/Did you mean/);
    const introspection = await refusal(raw, 'subscription { __schema { types { name } } }');
    expect(JSON.stringify(introspection)).not.toMatch(/wasteStation|"kind"/);
    raw.socket.close();
  });

  it('refuses queries and mutations: the socket carries subscriptions only', async () => {
    const raw = await acknowledgedSocket(url);
    expect((await refusal(raw, '{ arrondissements { code } }'))[0].extensions?.code).toBe('BAD_REQUEST');
    const mutation = `mutation { reportFillLevel(input: { reportId: "ws", stationId: "TRILIB-14-0001",
      stream: GLASS, fillingLevel: 0.5, observedAt: "2026-01-01T00:00:00Z" }) { id } }`;
    expect((await refusal(raw, mutation))[0].extensions?.code).toBe('BAD_REQUEST');
    raw.socket.close();
  });
});

describe('identity over graphql-ws', () => {
  it('closes with 4401 for an unknown or revoked key', async () => {
    const unknown = await openRawSocket(url);
    unknown.send({ type: 'connection_init', payload: { 'x-api-key': 'ocg_forged' } });
    expect((await unknown.closed).code).toBe(4401);

    const { key, id } = await createKey('standard');
    await new ApiKeyStore(db).revoke(id);
    const revoked = await openRawSocket(url);
    revoked.send({ type: 'connection_init', payload: { 'x-api-key': key } });
    expect((await revoked.closed).code).toBe(4401);
  });

  it('ignores a forged identity header: the caller stays anonymous', async () => {
    const forged = Buffer.from(JSON.stringify({ roles: ['operator'], subject: 'forged' })).toString(
      'base64url',
    );
    const raw = await acknowledgedSocket(url, { 'x-ocg-identity': forged, 'x-ocg-roles': 'operator' });
    const errors = await refusal(raw, 'subscription { accompanimentRequestChanged { eventId } }');
    expect(errors[0].extensions?.code).toBe('FORBIDDEN');
    raw.socket.close();
  });
});

describe('budgets over graphql-ws', () => {
  it(`refuses a subscription beyond ${MAX_SUBSCRIPTIONS} on one connection with TOO_MANY_SUBSCRIPTIONS`, async () => {
    const raw = await acknowledgedSocket(url);
    for (let index = 0; index < MAX_SUBSCRIPTIONS; index += 1)
      raw.send({
        id: `s${index}`,
        type: 'subscribe',
        payload: { query: `subscription { wasteStationUpdated { ${STATION_FIELDS} } }` },
      });
    const errors = await refusal(
      raw,
      `subscription { wasteStationUpdated { ${STATION_FIELDS} } }`,
      'one-too-many',
    );
    expect(errors[0].extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: MAX_SUBSCRIPTIONS });
    raw.socket.close();
  });

  it('counts each subscribe against the rate limit, refusing the one over budget and keeping the others', async () => {
    const { key } = await createKey('tiny');
    // The connection costs one request, each subscription one more.
    const raw = await acknowledgedSocket(url, { 'x-api-key': key });
    const query = `subscription { wasteStationUpdated(stationId: "TRILIB-14-0007") { ${STATION_FIELDS} } }`;
    const before = metricsOf(platform.gateway).clients;
    for (const id of ['a', 'b', 'c']) raw.send({ id, type: 'subscribe', payload: { query } });
    // Their budget is drawn before they open: once open, the next one is the one over budget.
    await eventually(() => metricsOf(platform.gateway).clients >= before + 3);
    const errors = await refusal(raw, query, 'over');
    expect(errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: TINY_TIER });
    expect(errors[0].message).toMatch(new RegExp(`${TINY_TIER} requests per 60 s`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reportFillLevel(platform, 'TRILIB-14-0007', 0.61);
    for (const id of ['a', 'b', 'c'])
      await raw.waitFor((message) => message.id === id && message.type === 'next');
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    raw.socket.close();
  });

  it('closes a connection flood past the budget with 4029', async () => {
    const { key } = await createKey('tiny');
    const codes: number[] = [];
    for (let index = 0; index < TINY_TIER + 2; index += 1) {
      const raw = await openRawSocket(url);
      raw.send({ type: 'connection_init', payload: { 'x-api-key': key } });
      const outcome = await Promise.race([
        raw
          .waitFor((message) => message.type === 'connection_ack')
          .then(
            () => 0,
            () => -1, // closed: the close code wins the race
          ),
        raw.closed.then((closed) => closed.code),
      ]);
      codes.push(outcome);
      raw.socket.close();
    }
    expect(codes).toEqual([0, 0, 0, 0, 4029, 4029]);
  });
});
