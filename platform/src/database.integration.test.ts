import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';

// The fresh-machine path: no DATABASE_URL, so a real PostgreSQL starts from the npm binaries.
let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  root = await mkdtemp(path.join('/tmp', 'ocg-embedded-'));
  env = { EMBEDDED_PG_DIR: path.join(root, 'pg'), EMBEDDED_PG_PORT: String(await freePort()) };
});

afterAll(() => rm(root, { recursive: true, force: true }));

/**
 * A port nothing listens on now. A fixed pick in 55000–55999 lies in Linux's ephemeral range,
 * where any outgoing connection of the test run may already hold it.
 */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('starts without a server, keeps its data across restarts and leaves nothing running', async () => {
    const first = await openDatabase(root, env);
    expect(first.embedded).toBe(true);
    const [{ version }] = await sql<{ version: string }>(first.url, 'SELECT version()');
    expect(version).toMatch(/^PostgreSQL \d+/);
    await sql(first.url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$persisted$$)');
    await first.stop();
    await expect(sql(first.url, 'SELECT 1')).rejects.toThrow();

    const second = await openDatabase(root, env);
    try {
      expect(await sql(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'persisted' }]);
    } finally {
      await second.stop();
    }
  });
});
