import 'reflect-metadata';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureDatabase } from '#platform/database';
import { type RunningDatabase } from '#platform/open-database';
import { openDatabase } from '#platform/open-database';
import { prepareDatabase } from '#app/platform';
import { testSubgraphs } from './subgraphs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    openDataDir: string | null;
  }
}

export const TEST_SEED = 7;

/** The real Paris exports beside the repository (CI and developers have them; a bare clone may not). */
export function sharedOpenDataDir(): string | null {
  const directory =
    process.env.PARIS_OPEN_DATA_DIR ??
    path.resolve(__dirname, '..', '..', 'shared', 'data', 'paris-open-data');
  return existsSync(directory) ? directory : null;
}

interface TestDatabase {
  url: string;
  openDataDir: string | null;
  stop(): Promise<void>;
}

/**
 * One fresh database per test run, on the server DATABASE_URL names (CI) or on the embedded
 * PostgreSQL: every migration runs from zero and the real exports are imported, as on a user's machine.
 */
async function startTestDatabase(): Promise<TestDatabase> {
  const server: RunningDatabase = await openDatabase(path.resolve(__dirname, '..'), {
    ...process.env,
    EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? '54339',
    EMBEDDED_PG_DIR: process.env.EMBEDDED_PG_DIR ?? path.resolve(__dirname, '..', '.data', 'postgres-test'),
  });
  const url = new URL(server.url);
  url.pathname = `/ocg_test_${process.pid}`;
  const databaseUrl = url.toString();
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  const openDataDir = sharedOpenDataDir();
  await prepareDatabase(databaseUrl, testSubgraphs(), {
    openDataDir: openDataDir ?? undefined,
    scale: 1,
    seed: TEST_SEED,
  });
  return {
    url: databaseUrl,
    openDataDir,
    async stop() {
      await dropDatabase(databaseUrl);
      await server.stop();
    },
  };
}

/** Shared by the projects of one run (integration and e2e): one database, dropped after the last. */
const SHARED = Symbol.for('open-city-graph.test-database');
type Shared = { database: Promise<TestDatabase>; users: number };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const holder = globalThis as { [SHARED]?: Shared };
  const shared = (holder[SHARED] ??= { database: startTestDatabase(), users: 0 });
  shared.users += 1;
  const database = await shared.database;
  project.provide('databaseUrl', database.url);
  project.provide('openDataDir', database.openDataDir);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[SHARED];
    await database.stop();
  };
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
