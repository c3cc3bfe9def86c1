import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningGateway } from '#gateway/options';
import { startSplitWaste, type SplitWaste } from '../faults/replicas';
import { gatewayClient, OPERATOR_KEY, operator, reportFillLevel } from '#test/live-clients';

const savedEnv = { ...process.env };
let running: SplitWaste;
let stationId: string;

const STATION = `query ($id: ID!) { wasteStation(id: $id) { id name containers { stream fillingLevel } arrondissement { name } } }`;

interface Station {
  wasteStation: { id: string; containers: { stream: string; fillingLevel: number | null }[] };
}

/** One public read of the station: its glass container's level, and whether the cache answered it. */
async function readStation(
  gateway: RunningGateway,
  headers: Record<string, string> = {},
): Promise<{ level: number | null | undefined; cached: boolean }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: STATION, variables: { id: stationId } }),
  });
  const body = (await response.json()) as { data?: Station; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  const glass = body.data?.wasteStation.containers.find((container) => container.stream === 'GLASS');
  return { level: glass?.fillingLevel, cached: response.headers.get('x-ocg-cache') === 'hit' };
}

/**
 * Reads until the cache answers. Other test files write to waste stations in the same database
 * meanwhile, and each write's change notification rightly empties the waste answers of every
 * gateway's cache: a second read may miss, a quiet moment comes within seconds.
 */
async function readCached(
  gateway: RunningGateway,
): Promise<{ level: number | null | undefined; cached: boolean }> {
  const deadline = Date.now() + 15_000;
  let latest = await readStation(gateway);
  while (!latest.cached && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    latest = await readStation(gateway);
  }
  return latest;
}

/**
 * The gateway's response cache on the real event broker (PostgreSQL LISTEN/NOTIFY): two gateways,
 * each with its own cache and its own waste replica. A change committed through one reaches the
 * other's cache only through the subgraph's change notification, never through a TTL.
 */
beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  process.env.EVENT_POLL_MS = '600000';
  running = await startSplitWaste(inject('databaseUrl'));
  const found = await gatewayClient(running.writerGateway).query<{
    wasteStations: { edges: { node: { id: string; containers: { stream: string }[] } }[] };
  }>(
    '{ wasteStations(first: 20, filter: { arrondissement: 15 }) { edges { node { id containers { stream } } } } }',
  );
  const station = found.data?.wasteStations.edges.find((edge) =>
    edge.node.containers.some((container) => container.stream === 'GLASS'),
  );
  if (!station) throw new Error('no station with a glass container in the 15th');
  stationId = station.node.id;
});

afterAll(async () => {
  await running?.stop();
  process.env = { ...savedEnv };
});

describe('the response cache of public queries', () => {
  it('answers a repeated public query from the cache, and a mutation through the same gateway at once shows its write', async () => {
    const { writerGateway } = running;
    expect((await readCached(writerGateway)).cached).toBe(true);
    await reportFillLevel(gatewayClient(writerGateway), stationId, 0.31);
    const after = await readStation(writerGateway);
    expect(after).toEqual({ level: 0.31, cached: false });
    expect(await readCached(writerGateway)).toEqual({ level: 0.31, cached: true });
  });

  it("drops another gateway's cached answer when the subgraph's change notification arrives", async () => {
    const { writerGateway, subscriberGateway } = running;
    expect((await readCached(subscriberGateway)).cached).toBe(true);
    await reportFillLevel(gatewayClient(writerGateway), stationId, 0.47);
    // The write went through the other gateway and the other waste replica: only the broker tells this one.
    let latest: { level: number | null | undefined; cached: boolean } = { level: undefined, cached: true };
    const deadline = Date.now() + 10_000;
    while (latest.level !== 0.47 && Date.now() < deadline) {
      latest = await readStation(subscriberGateway);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(latest.level).toBe(0.47);
  });

  it('never shares answers with callers who hold a role: their requests are not cached', async () => {
    const { writerGateway } = running;
    await readStation(writerGateway, operator);
    expect((await readStation(writerGateway, operator)).cached).toBe(false);
  });

  it('leaves requests it cannot key to Apollo: an operationName the document lacks is a 400, not a 500', async () => {
    const response = await fetch(running.writerGateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: STATION, variables: { id: stationId }, operationName: 'Elsewhere' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });
});
