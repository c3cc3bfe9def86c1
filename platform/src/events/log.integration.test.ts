import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, migrate } from '../database';
import { appendEvent } from './log';
import { CreateEventLog1764000000001 } from './migration';

const SCHEMA = 'event_log_test';
/** Advisory locks are database-wide: a stream name no other test appends to. */
const STREAM = 'event-log-test-probe';

let db: DataSource;

beforeAll(async () => {
  db = createServiceDataSource({
    url: inject('databaseUrl'),
    schema: SCHEMA,
    entities: [],
    migrations: [CreateEventLog1764000000001],
  });
  await db.initialize();
  await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await migrate(db);
});

afterAll(async () => {
  await db?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await db?.destroy();
});

/** Resolves once some transaction waits for the append lock of `stream`. */
async function someoneWaitsForLock(stream: string): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const [{ waiting }] = await db.query<{ waiting: boolean }[]>(
      `SELECT EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
         AND classid = 7510200 AND objid = hashtext($1)::oid AND objsubid = 2) AS waiting`,
      [stream],
    );
    if (waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`nobody waited for the append lock of ${stream}`);
}

describe('appending to the event log', () => {
  it('appends in the caller’s transaction, once per idempotency key', async () => {
    await expect(appendEvent(db.manager, STREAM, 'OUTSIDE', {})).rejects.toThrow(/inside the transaction/);
    const first = await db.transaction((manager) =>
      appendEvent(manager, STREAM, 'PROBED', { level: 0.5 }, { idempotencyKey: 'probe-1' }),
    );
    expect(first).toMatchObject({ stream: STREAM, type: 'PROBED', payload: { level: 0.5 } });
    expect(first!.position).toBeGreaterThan(0n);
    const again = await db.transaction((manager) =>
      appendEvent(manager, STREAM, 'PROBED', { level: 0.5 }, { idempotencyKey: 'probe-1' }),
    );
    expect(again).toBeUndefined();
  });

  it('draws a position only once it holds the stream’s lock, so positions commit in order', async () => {
    // A first writer holds the stream's lock in an open transaction.
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await appendEvent(holder.manager, STREAM, 'FIRST', {});
      const second = db.transaction((manager) => appendEvent(manager, STREAM, 'SECOND', {}));
      await someoneWaitsForLock(STREAM);
      // A position drawn while the second writer waits: had it drawn its own before the lock,
      // its position would be the smaller one and commit after this — a gap a reader skips past.
      const [{ drawn }] = await holder.manager.query<{ drawn: string }[]>(
        `SELECT nextval(pg_get_serial_sequence('event_log', 'position'))::text AS drawn`,
      );
      await holder.commitTransaction();
      expect((await second)!.position).toBeGreaterThan(BigInt(drawn));
    } finally {
      await holder.release();
    }
  });
});
