import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  operationHash,
  PersistedOperations,
  type PersistedOperationManifest,
  type PersistedOperationsMode,
} from '#gateway/persisted-operations';
import { startGateway } from '#gateway/server';
import type { RunningGateway } from '#gateway/options';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import {
  eventually,
  metricsOf,
  OPERATOR_KEY,
  readEventStream,
  reportFillLevel,
  wsClient,
} from '#test/live-clients';
import { codes, post, type RawResponse } from './support';

/**
 * The manifest generated from schema/operations/ (what `npm run compose` writes and CI checks),
 * without the dashboard's operations: e2e/web runs those, through the dashboard itself.
 */
const generated = JSON.parse(
  readFileSync(
    path.join(__dirname, '..', '..', 'schema', '__generated__', 'persisted-operations.json'),
    'utf8',
  ),
) as PersistedOperationManifest;
const manifest: PersistedOperationManifest = {
  ...generated,
  operations: generated.operations.filter((operation) => !operation.name.startsWith('Dashboard')),
};

/** Variables for each manifest operation: a new operation fails the test until it is given some. */
const VARIABLES: Record<string, Record<string, unknown>> = {
  Arrondissements: {},
  BudgetProjectsWithBuildings: { arrondissement: 17, first: 5 },
  BudgetTotals: { groupBy: ['EDITION', 'ARRONDISSEMENT'], edition: 2019, arrondissement: 17 },
  BuildingRetrofits: { arrondissement: 17, first: 5 },
  City: {},
  TrainingOutcomes: { year: 2018 },
  WasteStreamStatistics: {
    since: '2024-12-20T00:00:00Z',
    until: '2025-01-01T00:00:00Z',
    granularity: 'DAY',
    arrondissement: 17,
    streams: ['GLASS'],
  },
  StationsNear: { latitude: 48.8893, longitude: 2.316, radiusMeters: 800, first: 5 },
  StationUpdates: { arrondissement: 14 },
};

function variablesOf(name: string): Record<string, unknown> {
  const variables = VARIABLES[name];
  if (!variables) throw new Error(`Give the manifest operation ${name} variables in this test`);
  return variables;
}

const byHash = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });
const queries = manifest.operations.filter((operation) => operation.type !== 'subscription');
const subscriptions = manifest.operations.filter((operation) => operation.type === 'subscription');

let platform: TestPlatform;
const gateways: Partial<Record<PersistedOperationsMode, RunningGateway>> = {};

async function gateway(mode: 'allow' | 'require'): Promise<RunningGateway> {
  gateways[mode] ??= await startGateway({
    port: 0,
    supergraphSdl: platform.supergraphSdl,
    gatewaySecret: platform.gatewaySecret,
    databaseUrl: platform.databaseUrl,
    rateLimit: false,
    persistedOperations: new PersistedOperations(mode, manifest),
  });
  return gateways[mode];
}

function send(target: RunningGateway, body: Record<string, unknown>): Promise<RawResponse> {
  return post(target.url, JSON.stringify(body));
}

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'waste', 'budget', 'energy', 'training']);
});
afterAll(async () => {
  await Promise.all(Object.values(gateways).map((running) => running.stop()));
  await platform?.stop();
});

describe('the persisted operation manifest', () => {
  it('lists every client operation by the SHA-256 of its body', () => {
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(queries.length).toBeGreaterThan(0);
    expect(subscriptions.length).toBeGreaterThan(0);
    for (const operation of manifest.operations) expect(operation.id).toBe(operationHash(operation.body));
  });
});

describe('PERSISTED_OPERATIONS=require (a safelist)', () => {
  it('runs every manifest query and mutation by its hash alone', async () => {
    const required = await gateway('require');
    for (const operation of queries) {
      const response = await send(required, {
        variables: variablesOf(operation.name),
        extensions: byHash(operation.id),
      });
      expect(response.body.errors, operation.name).toBeUndefined();
      expect(response.status).toBe(200);
      expect(Object.values(response.body.data ?? {}).every((value) => value !== null)).toBe(true);
    }
  });

  it('runs a manifest operation sent with its exact body', async () => {
    const [operation] = queries;
    const response = await send(await gateway('require'), {
      query: operation.body,
      variables: variablesOf(operation.name),
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toBeTruthy();
  });

  it('runs every manifest subscription by its hash over graphql-ws and SSE', async () => {
    const required = await gateway('require');
    const streamUrl = required.url.replace(/\/graphql$/, '/graphql/stream');
    for (const operation of subscriptions) {
      const client = wsClient(required);
      // graphql-ws requires a string query: an empty one, the hash riding in extensions.
      const live = new Promise<{ data?: unknown; errors?: unknown }>((resolve, reject) => {
        client.subscribe(
          { query: '', variables: variablesOf(operation.name), extensions: byHash(operation.id) },
          { next: resolve, error: reject, complete: () => reject(new Error('completed without an event')) },
        );
      });
      const overSse = readEventStream(
        streamUrl,
        { query: '', variables: variablesOf(operation.name), extensions: byHash(operation.id) },
        1,
      );
      await eventually(() => metricsOf(required).clients >= 2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await reportFillLevel(platform, 'TRILIB-14-0003', 0.42);
      const event = await live;
      expect(event.errors).toBeUndefined();
      expect(event.data).toMatchObject({ wasteStationUpdated: { station: { id: 'TRILIB-14-0003' } } });
      const { status, messages } = await overSse;
      expect(status).toBe(200);
      const next = messages.find((message) => message.event === 'next');
      expect(JSON.parse(next?.data ?? '{}')).toMatchObject({
        data: { wasteStationUpdated: { station: { id: 'TRILIB-14-0003' } } },
      });
      await client.dispose();
    }
  });

  it('refuses an operation that is not in the manifest, on every transport', async () => {
    const required = await gateway('require');
    const overHttp = await send(required, { query: '{ arrondissements { code } }' });
    expect(overHttp.status).toBe(400);
    expect(codes(overHttp)).toEqual(['OPERATION_NOT_IN_SAFELIST']);
    expect(overHttp.body.data).toBeUndefined();

    const unknownHash = await send(required, { extensions: byHash('0'.repeat(64)) });
    expect(codes(unknownHash)).toEqual(['OPERATION_NOT_IN_SAFELIST']);

    const unlisted = 'subscription { wasteStationUpdated { eventId } }';
    const client = wsClient(required);
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: unlisted },
        { next: () => undefined, error: resolve, complete: () => resolve([]) },
      );
    });
    await client.dispose();
    expect((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe(
      'OPERATION_NOT_IN_SAFELIST',
    );

    const overSse = await readEventStream(
      required.url.replace(/\/graphql$/, '/graphql/stream'),
      { query: unlisted },
      1,
    );
    expect(overSse.status).toBe(400);
    expect(overSse.messages[0].data).toContain('OPERATION_NOT_IN_SAFELIST');
  });

  it('refuses a listed hash sent with another body, and a listed body changed by one field', async () => {
    const required = await gateway('require');
    const [operation] = queries;
    const mismatch = await send(required, {
      query: '{ arrondissements { code name population } }',
      extensions: byHash(operation.id),
    });
    expect(mismatch.status).toBe(400);
    expect(codes(mismatch)).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);
    expect(mismatch.body.data).toBeUndefined();

    const changed = await send(required, {
      query: operation.body.replace(/\}\s*$/, ' __typename }'),
      variables: variablesOf(operation.name),
    });
    expect(codes(changed)).toEqual(['OPERATION_NOT_IN_SAFELIST']);
  });

  it('refuses a malformed persistedQuery extension with BAD_REQUEST', async () => {
    const response = await send(await gateway('require'), {
      extensions: { persistedQuery: { version: 2, sha256Hash: 'not a hash' } },
    });
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['BAD_REQUEST']);
  });
});

describe('PERSISTED_OPERATIONS=allow', () => {
  it('runs manifest operations by hash and any other operation by its text', async () => {
    const allowed = await gateway('allow');
    const [operation] = queries;
    const listed = await send(allowed, {
      variables: variablesOf(operation.name),
      extensions: byHash(operation.id),
    });
    expect(listed.body.errors).toBeUndefined();
    const free = await send(allowed, { query: '{ arrondissement(code: 17) { name } }' });
    expect(free.body.data).toEqual({ arrondissement: { name: expect.any(String) } });
  });

  it('answers an unknown hash without a query with PERSISTED_QUERY_NOT_FOUND, as APQ clients expect', async () => {
    const response = await send(await gateway('allow'), { extensions: byHash('f'.repeat(64)) });
    expect(response.status).toBe(200);
    expect(codes(response)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('PERSISTED_OPERATIONS=off (the default)', () => {
  it("behaves as before: any operation runs, and hashes are Apollo's automatic persisted queries", async () => {
    const free = await send(platform.gateway, { query: '{ arrondissement(code: 17) { name } }' });
    expect(free.body.data).toEqual({ arrondissement: { name: expect.any(String) } });
    const query = '{ arrondissement(code: 4) { name } }';
    const unknown = await send(platform.gateway, { extensions: byHash(operationHash(query)) });
    expect(codes(unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await send(platform.gateway, { query, extensions: byHash(operationHash(query)) });
    expect(registered.body.data).toEqual({ arrondissement: { name: expect.any(String) } });
    const byHashOnly = await send(platform.gateway, { extensions: byHash(operationHash(query)) });
    expect(byHashOnly.body.data).toEqual(registered.body.data);
  });
});
