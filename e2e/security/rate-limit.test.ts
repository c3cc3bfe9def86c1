import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '#gateway/api-keys';
import { createGatewayDataSource } from '#gateway/database';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { codes, postOperation } from './support';

/** Budgets per API key (its tier) and per IP, counted in PostgreSQL; a tiny tier makes them quick to spend. */
let platform: TestPlatform;
let url: string;
beforeAll(async () => {
  platform = await startTestPlatform(undefined, {
    rateLimit: {
      windowSeconds: 60,
      tiers: { anonymous: 2, standard: 1000, high: 1000, tiny: 3 },
      namespace: `test-${randomUUID()}`,
    },
  });
  url = platform.gateway.url;
});
afterAll(() => platform?.stop());

/** `ocg_rate_limit_refusals_total{transport="http"}` on the gateway's /metrics. */
async function httpRefusals(): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const line = text
    .split('\n')
    .find((sample) => sample.startsWith('ocg_rate_limit_refusals_total{transport="http"}'));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function createKey(tier: string): Promise<string> {
  const db = createGatewayDataSource(platform.databaseUrl, 1);
  await db.initialize();
  try {
    return (await new ApiKeyStore(db).create({ role: 'researcher', tier, label: 'rate-limit test' })).key;
  } finally {
    await db.destroy();
  }
}

describe('rate limiting', () => {
  it("refuses an API key with 429 and Retry-After once its tier's budget is spent", async () => {
    const key = await createKey('tiny');
    const refusalsBefore = await httpRefusals();
    for (const remaining of [2, 1, 0]) {
      const response = await postOperation(url, '{ __typename }', { 'x-api-key': key });
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(response.headers.get('ratelimit-remaining')).toBe(String(remaining));
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    }
    const refused = await postOperation(url, '{ __typename }', { 'x-api-key': key });
    expect(refused.status).toBe(429);
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.data).toBeUndefined();
    // Operators see it: the refusal is counted on /metrics.
    expect((await httpRefusals()) - refusalsBefore).toBe(1);

    // Another key has its own budget.
    const other = await postOperation(url, '{ __typename }', { 'x-api-key': await createKey('tiny') });
    expect(other.status).toBe(200);
  });

  it('counts anonymous callers per IP address, failed credentials included', async () => {
    expect((await postOperation(url, '{ __typename }')).status).toBe(200);
    expect((await postOperation(url, '{ __typename }', { 'x-api-key': 'ocg_wrong' })).status).toBe(401);
    const refused = await postOperation(url, '{ __typename }');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-limit')).toBe('2');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Guessing keys from an exhausted address is refused too.
    expect((await postOperation(url, '{ __typename }', { 'x-api-key': 'ocg_wrong' })).status).toBe(429);
  });
});
