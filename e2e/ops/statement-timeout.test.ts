import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '#platform/database';
import { runForRequest } from '#platform/request-binding';

/** The text statements the pool's connection sends, as PostgreSQL receives them (set before it opens). */
const sent: string[] = [];
const send = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  if (typeof args[0] === 'string') sent.push(args[0]);
  return (send as (...given: unknown[]) => unknown).apply(this, args);
} as typeof send;

let db: DataSource;
beforeAll(async () => {
  db = createServiceDataSource({
    url: inject('databaseUrl'),
    schema: 'energy',
    entities: [],
    migrations: [],
    poolSize: 1,
  });
  await db.initialize();
});
afterAll(async () => {
  Client.prototype.query = send;
  await db?.destroy();
});

describe('a request’s statements', () => {
  it('end when the operation’s budget is spent, and leave the session’s default to the next', async () => {
    const live = new AbortController();
    const started = performance.now();
    await expect(
      runForRequest(live.signal, () => db.query('SELECT pg_sleep(5)'), performance.now() + 300),
    ).rejects.toMatchObject({ driverError: { code: '57014' } });
    expect(performance.now() - started).toBeLessThan(4_000);
    // One pooled connection: the same session serves a statement outside any request.
    expect(await db.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '0' }]);
  });

  it('in a transaction, run under a timeout it sets locally and drops at its end', async () => {
    const live = new AbortController();
    sent.length = 0;
    const inside = await runForRequest(
      live.signal,
      () =>
        db.transaction(async (manager) => {
          const [shown] = await manager.query<{ statement_timeout: string }[]>('SHOW statement_timeout');
          return shown.statement_timeout;
        }),
      performance.now() + 2_000,
    );
    expect(inside).toMatch(/^2\d{3}ms$/);
    expect(await db.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '0' }]);
    // No SET of its own before the transaction, no SET DEFAULT before the statement after it.
    expect(sent).toEqual([
      expect.stringMatching(/^START TRANSACTION; SET LOCAL statement_timeout = \d+$/),
      'SHOW statement_timeout',
      'COMMIT',
      'SHOW statement_timeout',
    ]);

    const started = performance.now();
    await expect(
      runForRequest(
        live.signal,
        () => db.transaction((manager) => manager.query('SELECT pg_sleep(5)')),
        performance.now() + 300,
      ),
    ).rejects.toMatchObject({ driverError: { code: '57014' } });
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(await db.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '0' }]);
  });

  it('never start once their request is abandoned, though a ROLLBACK still runs', async () => {
    const abandoned = new AbortController();
    abandoned.abort();
    await expect(runForRequest(abandoned.signal, () => db.query('SELECT 1'))).rejects.toMatchObject({
      driverError: { code: '57014' },
    });
    await expect(runForRequest(abandoned.signal, () => db.query('ROLLBACK'))).resolves.toBeDefined();
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});

describe('client reading ids', () => {
  it('are unique through a partial index that stores no NULL', async () => {
    const client = new Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      const { rows } = await client.query<{ indexdef: string }>(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = 'energy' AND tablename = 'meter_reading'
            AND indexdef LIKE '%(reading_id)%'`,
      );
      expect(rows.map((row) => row.indexdef)).toEqual([
        expect.stringMatching(/^CREATE UNIQUE INDEX .* WHERE \(reading_id IS NOT NULL\)$/),
      ]);
    } finally {
      await client.end();
    }
  });
});
