import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import {
  eventually,
  metricsOf,
  OPERATOR_KEY,
  Recorder,
  reportFillLevel,
  STATION_UPDATES,
  wsClient,
} from '#test/live-clients';

/**
 * The metrics an operator alerts on move when their work happens: one query served twice (the
 * response cache), one download in each of two paths (COPY and cursor), one live event delivered.
 * Gateway and subgraphs share this process (and its registry); each serves its own in production.
 */
let platform: TestPlatform;
beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'waste']);
});
afterAll(() => platform?.stop());

const base = () => platform.gateway.url.replace(/\/graphql$/, '');
const subgraphBase = (name: string) =>
  platform.subgraphs.find((subgraph) => subgraph.name === name)!.url.replace(/\/graphql$/, '');

async function metrics(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The sum of the samples of `name` whose labels include `labels` (0 when there are none). */
function total(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `)) {
      if (wanted.length === 0) sum += Number(line.split(' ').pop());
      continue;
    }
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf('}')).split(',');
    if (wanted.every((pair) => inside.includes(pair))) sum += Number(line.split(' ').pop());
  }
  return sum;
}

const moved = (before: string, after: string, name: string, labels: Record<string, string> = {}) =>
  total(after, name, labels) - total(before, name, labels);

describe('metrics fed by the work they describe', () => {
  it('count response-cache hits and misses', async () => {
    const before = await metrics(base());
    const query = 'query CachedDistricts { arrondissements { code name } }';
    for (let run = 0; run < 3; run += 1) expect((await platform.query(query)).errors).toBeUndefined();
    const after = await metrics(base());
    expect(moved(before, after, 'ocg_cache_lookups_total', { cache: 'response', result: 'miss' })).toBe(1);
    expect(moved(before, after, 'ocg_cache_lookups_total', { cache: 'response', result: 'hit' })).toBe(2);
  });

  it('count export rows and bytes, by dataset and format, on the subgraph that writes them', async () => {
    const territory = subgraphBase('territory');
    for (const format of ['csv', 'ndjson']) {
      const before = await metrics(territory);
      const response = await fetch(`${base()}/datasets/arrondissements.${format}`);
      expect(response.status).toBe(200);
      const body = new Uint8Array(await response.arrayBuffer());
      const lines = new TextDecoder().decode(body).trim().split('\n').length;
      const rows = format === 'csv' ? lines - 1 : lines;
      // Recorded as the subgraph releases its connection, just after the last byte left.
      let after = await metrics(territory);
      for (let wait = 0; wait < 50 && moved(before, after, 'ocg_export_rows_total') === 0; wait += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        after = await metrics(territory);
      }
      const labels = { dataset: 'arrondissements', format };
      expect(rows).toBeGreaterThan(0);
      expect(moved(before, after, 'ocg_export_rows_total', labels)).toBe(rows);
      expect(moved(before, after, 'ocg_export_bytes_total', labels)).toBe(body.byteLength);
      // The export's connection was just released to the pool (idle ones close after 10 s).
      expect(
        total(after, 'ocg_db_pool_connections', { schema: 'territory', state: 'total' }),
      ).toBeGreaterThan(0);
    }
  });

  it('count deliveries and the lag of a live event from its commit to its delivery', async () => {
    const before = await metrics(base());
    const client = wsClient(platform.gateway);
    const recorder = new Recorder(client, STATION_UPDATES, { stationId: 'TRILIB-12-0001' });
    try {
      await eventually(() => metricsOf(platform.gateway).upstreamSubscriptions > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const during = await metrics(base());
      expect(total(during, 'ocg_live_clients')).toBeGreaterThanOrEqual(1);
      expect(total(during, 'ocg_subscription_groups')).toBeGreaterThanOrEqual(1);
      const sent = Date.now();
      await reportFillLevel(platform, 'TRILIB-12-0001', 0.42);
      await recorder.waitFor(1);
      const elapsed = (Date.now() - sent) / 1000;
      const after = await metrics(base());
      expect(moved(before, after, 'ocg_subscription_deliveries_total')).toBe(1);
      expect(moved(before, after, 'ocg_event_delivery_lag_seconds_count')).toBe(1);
      const lag = moved(before, after, 'ocg_event_delivery_lag_seconds_sum');
      // From the event's transaction to the client's queue: within the mutation and its delivery.
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThanOrEqual(elapsed + 0.5);
      expect(after).toMatch(/ocg_event_delivery_lag_seconds_count\{stream="[a-z-]+"\} /);
    } finally {
      recorder.close();
      await client.dispose();
    }
  });
});
