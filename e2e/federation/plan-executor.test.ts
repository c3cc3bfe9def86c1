import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getOperationAST, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '#gateway/server';
import type { RunningGateway } from '#gateway/options';
import { startTestPlatform, type TestPlatform } from '#test/platform';

// Our gateway runs query plans with its own executor; Apollo's executor is the reference. Both
// gateways stand on the same subgraphs and answer the example client operations alike.
const OPERATIONS = path.join(__dirname, '..', '..', 'schema', 'operations');
const VARIABLES: Record<string, Record<string, unknown>> = {
  Arrondissements: {},
  BudgetProjectsWithBuildings: { arrondissement: 17, first: 100 },
  BudgetTotals: { groupBy: ['EDITION', 'THEME'] },
  BuildingRetrofits: { arrondissement: 17, first: 10 },
  City: {},
  StationsNear: { latitude: 48.8566, longitude: 2.3522, radiusMeters: 800, first: 50 },
  TrainingOutcomes: {},
  WasteStreamStatistics: {
    since: '2024-01-01T00:00:00Z',
    until: '2024-03-01T00:00:00Z',
    granularity: 'MONTH',
    streams: ['GLASS'],
  },
};
const queries = readdirSync(OPERATIONS)
  .map((file) => readFileSync(path.join(OPERATIONS, file), 'utf8'))
  .filter((source) => getOperationAST(parse(source))?.operation === 'query')
  .map((source) => ({ name: getOperationAST(parse(source))?.name?.value ?? '', source }));

let platform: TestPlatform;
let apolloExecutor: RunningGateway;
beforeAll(async () => {
  platform = await startTestPlatform(undefined, { execution: { planExecutor: true, deduplicate: true } });
  apolloExecutor = await startGateway({
    port: 0,
    rateLimit: false,
    supergraphSdl: platform.supergraphSdl,
    gatewaySecret: platform.gatewaySecret,
    databaseUrl: platform.databaseUrl,
    execution: { planExecutor: false, deduplicate: false },
  });
});
afterAll(async () => {
  await apolloExecutor?.stop();
  await platform?.stop();
});

async function ask(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

describe("our plan executor against Apollo's", () => {
  it('covers every example query', () => {
    expect(queries.map((query) => query.name).sort()).toEqual(Object.keys(VARIABLES).sort());
  });

  it.each(queries)('$name: the same answer, byte for byte', async ({ name, source }) => {
    const ours = await ask(platform.gateway.url, source, VARIABLES[name]);
    const reference = await ask(apolloExecutor.url, source, VARIABLES[name]);
    expect(ours.status).toBe(reference.status);
    expect(ours.text).toBe(reference.text);
    expect(JSON.parse(ours.text)).toHaveProperty('data');
  });

  it('an error in a subgraph keeps its path and code (answered by Apollo’s executor)', async () => {
    const query = '{ budgetProjects(first: 101) { totalCount } }';
    const ours = await ask(platform.gateway.url, query, {});
    const reference = await ask(apolloExecutor.url, query, {});
    expect(ours).toEqual(reference);
    expect(JSON.parse(ours.text).errors?.[0]?.extensions?.code).toBeDefined();
  });
});
