import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph } from '#platform/server';
import { waste } from '#app/registry';
import { startTestPlatform, type TestPlatform } from '#test/platform';

let platform: TestPlatform;
beforeAll(async () => {
  // Every request here must reach the subgraphs: a cached public answer would hide what is measured.
  process.env.RESPONSE_CACHE_ENTRIES = '0';
  platform = await startTestPlatform(['territory', 'waste']);
});
afterAll(() => platform?.stop());

const QUERY = `query SeventeenthStations {
  arrondissement(code: 17) { name wasteStations(first: 2) { totalCount } }
}`;

const base = () => platform.gateway.url.replace(/\/graphql$/, '');

async function metrics(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

/** The value of one sample (`name{labels}`), 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf('}'));
    if (wanted.every((pair) => inside.split(',').includes(pair))) return Number(line.split(' ').pop());
  }
  return 0;
}

describe('Prometheus metrics', () => {
  it('count operations by name and outcome, subgraph fetches, plan-cache hits and pool use', async () => {
    const before = await metrics(`${base()}/metrics`);
    for (let run = 0; run < 3; run += 1) expect((await platform.query(QUERY)).errors).toBeUndefined();
    const refused = await platform.query('query Broken { arrondissement(code: 99) { nameX } }');
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const after = await metrics(`${base()}/metrics`);
    const ok = { service: 'gateway', operation: 'SeventeenthStations', code: 'OK' };
    expect(
      sample(after, 'ocg_graphql_requests_total', ok) - sample(before, 'ocg_graphql_requests_total', ok),
    ).toBe(3);
    // Refused before its operation is known: counted under its code (and `anonymous`).
    const invalid = { service: 'gateway', code: 'GRAPHQL_VALIDATION_FAILED' };
    expect(sample(after, 'ocg_graphql_requests_total', invalid)).toBeGreaterThan(
      sample(before, 'ocg_graphql_requests_total', invalid),
    );
    expect(
      sample(after, 'ocg_graphql_request_duration_seconds_count', {
        service: 'gateway',
        operation: 'SeventeenthStations',
      }),
    ).toBeGreaterThanOrEqual(3);
    for (const subgraph of ['territory', 'waste'])
      expect(
        sample(after, 'ocg_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' }),
      ).toBeGreaterThanOrEqual(3);
    // Planned once, then served from the plan cache.
    expect(sample(after, 'ocg_cache_lookups_total', { cache: 'plan', result: 'hit' })).toBeGreaterThanOrEqual(
      2,
    );
    // Idle connections close after 10 s: the pool is reported, whatever it holds at the scrape.
    expect(after).toContain('ocg_db_pool_connections{schema="gateway",state="total"}');
    expect(after).toContain('ocg_live_clients');
    expect(after).toContain('ocg_rate_limit_refusals_total');
  });

  it('are served by each subgraph on its own port, beside its health', async () => {
    const territory = platform.subgraphs.find((subgraph) => subgraph.name === 'territory');
    const text = await metrics(territory!.url.replace(/\/graphql$/, '/metrics'));
    expect(sample(text, 'ocg_graphql_requests_total', { service: 'territory', code: 'OK' })).toBeGreaterThan(
      0,
    );
    expect(sample(text, 'ocg_db_pool_connections', { schema: 'territory', state: 'total' })).toBeGreaterThan(
      0,
    );
  });
});

describe('health', () => {
  it('answers liveness, and readiness only while the database and every subgraph are ready', async () => {
    const live = await fetch(`${base()}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${base()}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      checks: { database: 'ok', territory: 'ok', waste: 'ok' },
    });
    expect((await fetch(`${base()}/health`)).status).toBe(200);

    const index = platform.subgraphs.findIndex((subgraph) => subgraph.name === 'waste');
    const { port } = platform.subgraphs[index];
    await platform.subgraphs[index].stop();
    try {
      const down = await fetch(`${base()}/health/ready`);
      expect(down.status).toBe(503);
      const report = (await down.json()) as { status: string; checks: Record<string, string> };
      expect(report.status).toBe('unavailable');
      expect(report.checks.territory).toBe('ok');
      expect(report.checks.waste).not.toBe('ok');
      expect((await fetch(`${base()}/health`)).status).toBe(503);
      expect((await fetch(`${base()}/health/live`)).status).toBe(200);
    } finally {
      platform.subgraphs[index] = await startSubgraph(waste, {
        databaseUrl: platform.databaseUrl,
        gatewaySecret: platform.gatewaySecret,
        port,
      });
    }
    expect((await fetch(`${base()}/health/ready`)).status).toBe(200);
  });
});

describe('request ids', () => {
  it('answer the caller’s x-request-id, or a new one', async () => {
    const given = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'ops-check-42' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(given.headers.get('x-request-id')).toBe('ops-check-42');
    const forged = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id\twith "quotes"' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
