import { randomBytes } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_LIMITS } from '#gateway/limits/config';
import { startGateway } from '#gateway/server';
import type { RunningGateway } from '#gateway/options';
import { composeSupergraph, subgraphSdl } from '#platform/composition';
import type { BaseContext } from '#platform/context';
import { startSubgraph, type RunningSubgraph } from '#platform/server';
import type { SubgraphDefinition } from '#platform/subgraph';

/** Tags the slow statement so the test finds it in pg_stat_activity, and only it. */
const MARKER = `timeout-abort-${process.pid}`;

/**
 * A real subgraph server whose one field runs a slow statement on its real PostgreSQL pool: the
 * slowness is PostgreSQL's (pg_sleep), not a mocked fetch.
 */
const slowReports: SubgraphDefinition = {
  name: 'training',
  entities: [],
  migrations: [],
  async buildSchema() {
    return buildSubgraphSchema({
      typeDefs: parse(`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query { slowReport(seconds: Int!): Int }
      `),
      resolvers: {
        Query: {
          slowReport: async (_parent: unknown, args: { seconds: number }, context: unknown) => {
            await (context as BaseContext).db.query(`SELECT pg_sleep($1) /* ${MARKER} */`, [args.seconds]);
            return args.seconds;
          },
        },
      },
    });
  },
  isSeeded: async () => true,
  seed: async () => [],
};

let subgraph: RunningSubgraph;
let gateway: RunningGateway;
let admin: Client;

beforeAll(async () => {
  const databaseUrl = inject('databaseUrl');
  const gatewaySecret = randomBytes(16).toString('hex');
  subgraph = await startSubgraph(slowReports, { databaseUrl, gatewaySecret, port: 0 });
  gateway = await startGateway({
    port: 0,
    supergraphSdl: composeSupergraph([{ name: 'training', sdl: subgraphSdl(subgraph.schema) }], {
      training: subgraph.url,
    }),
    gatewaySecret,
    databaseUrl,
    rateLimit: false,
    limits: { ...DEFAULT_LIMITS, timeoutMs: 2_000 },
  });
  admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await gateway?.stop();
  await subgraph?.stop();
});

async function slowStatementsRunning(): Promise<number> {
  // The marker is a parameter here, so this query does not find itself.
  const { rows } = await admin.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM pg_stat_activity WHERE state = 'active' AND position($1 in query) > 0",
    [MARKER],
  );
  return rows[0].count;
}

async function waitForSlowStatements(count: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await slowStatementsRunning()) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(await slowStatementsRunning()).toBe(count);
}

describe('the gateway operation timeout', () => {
  it('answers 504 and aborts the subgraph request, which cancels its SQL', async () => {
    const answer = fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slowReport(seconds: 60) }' }),
    });
    // The statement did reach PostgreSQL before the timeout.
    await waitForSlowStatements(1);
    const response = await answer;
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(response.status).toBe(504);
    expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_TIMEOUT');
    // Without the abort it would run its full minute.
    await waitForSlowStatements(0);
  });

  it('leaves a request that finishes in time untouched', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slowReport(seconds: 0) }' }),
    });
    expect(await response.json()).toEqual({ data: { slowReport: 0 } });
  });
});
