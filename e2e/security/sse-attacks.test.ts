import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '#gateway/api-keys';
import { createGatewayDataSource } from '#gateway/database';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { eventually, metricsOf, OPERATOR_KEY, readEventStream, reportFillLevel } from '#test/live-clients';
import { post, type RawResponse } from './support';

/** The graphql-cop checks and transport abuses that apply to server-sent events, on a production gateway. */
const TINY_TIER = 4;
let platform: TestPlatform;
let streamUrl: string;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'waste'], {
    production: true,
    rateLimit: {
      windowSeconds: 60,
      tiers: { anonymous: 1000, standard: 1000, high: 100_000, tiny: TINY_TIER },
      namespace: `sse-attacks-${randomUUID()}`,
    },
  });
  streamUrl = platform.gateway.url.replace(/\/graphql$/, '/graphql/stream');
});
afterAll(() => platform?.stop());

const SSE = { accept: 'text/event-stream' };

function subscribe(query: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return post(streamUrl, JSON.stringify({ query }), { ...SSE, ...headers });
}

function codeOf(response: RawResponse): unknown {
  return response.body.errors?.[0]?.extensions?.code;
}

describe('server-sent events abuse', () => {
  it('refuses malformed JSON, a batch and a body over the size limit', async () => {
    const malformed = await post(streamUrl, '{"query":', SSE);
    expect([malformed.status, codeOf(malformed)]).toEqual([400, 'BAD_REQUEST']);
    const query = 'subscription { wasteStationUpdated { eventId } }';
    const batch = await post(streamUrl, JSON.stringify([{ query }, { query }]), SSE);
    expect([batch.status, codeOf(batch)]).toEqual([400, 'BAD_REQUEST']);
    const huge = await post(streamUrl, JSON.stringify({ query: `${query} # ${'x'.repeat(200_000)}` }), SSE);
    expect([huge.status, codeOf(huge)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('refuses other methods, queries and mutations: the stream carries subscriptions only', async () => {
    const put = await fetch(streamUrl, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(codeOf(await subscribe('{ arrondissements { code } }'))).toBe('BAD_REQUEST');
    const mutation =
      await subscribe(`mutation { reportFillLevel(input: { reportId: "sse", stationId: "TRILIB-14-0001",
      stream: GLASS, fillingLevel: 0.5, observedAt: "2026-01-01T00:00:00Z" }) { id } }`);
    expect([mutation.status, codeOf(mutation)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('refuses alias overloading, depth and cost bombs with their codes, without suggestions', async () => {
    const aliases = Array.from({ length: 20 }, (_, index) => `a${index}: eventId`).join(' ');
    expect(codeOf(await subscribe(`subscription { wasteStationUpdated { ${aliases} } }`))).toBe(
      'ALIAS_LIMIT_EXCEEDED',
    );
    let nested = 'id';
    for (let level = 0; level < 6; level += 1)
      nested = `arrondissement { wasteStations(first: 1) { edges { node { ${nested} } } } }`;
    expect(codeOf(await subscribe(`subscription { wasteStationUpdated { station { ${nested} } } }`))).toBe(
      'DEPTH_LIMIT_EXCEEDED',
    );
    const cost = await subscribe(`subscription { wasteStationUpdated { station { arrondissement {
      wasteStations(first: 100) { edges { node { collections(first: 100) { edges { node { weightKg } } } } } } } } } }`);
    expect(codeOf(cost)).toBe('COST_LIMIT_EXCEEDED');
    const typo = await subscribe('subscription { wasteStationUpdated { eventI } }');
    expect(codeOf(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.text).not.toMatch(/Did you mean/);
  });

  it('refuses an unknown key with 401', async () => {
    const response = await subscribe('subscription { wasteStationUpdated { eventId } }', {
      'x-api-key': 'ocg_forged',
    });
    expect([response.status, codeOf(response)]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('counts each stream against the rate limit: the one over budget gets 429, the others keep flowing', async () => {
    const db = createGatewayDataSource(platform.databaseUrl, 1);
    await db.initialize();
    const { key } = await new ApiKeyStore(db).create({
      role: 'researcher',
      tier: 'tiny',
      label: 'sse attacks',
    });
    await db.destroy();
    const body = {
      query: 'subscription { wasteStationUpdated(stationId: "TRILIB-14-0008") { eventId station { id } } }',
    };
    const before = metricsOf(platform.gateway).clients;
    const streams = Array.from({ length: TINY_TIER }, () =>
      readEventStream(streamUrl, body, 1, { 'x-api-key': key }),
    );
    await eventually(() => metricsOf(platform.gateway).clients >= before + TINY_TIER);

    const over = await post(streamUrl, JSON.stringify(body), { ...SSE, 'x-api-key': key });
    expect(over.status).toBe(429);
    expect(over.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(new RegExp(`${TINY_TIER} requests per 60 s`)),
      extensions: { code: 'RATE_LIMITED', limit: TINY_TIER },
    });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, 300));
    await reportFillLevel(platform, 'TRILIB-14-0008', 0.77);
    for (const stream of streams) {
      const { status, messages } = await stream;
      expect(status).toBe(200);
      expect(messages.filter((message) => message.event === 'next')).toHaveLength(1);
    }
  });
});
