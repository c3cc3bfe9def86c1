import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { sqlStatementCounter } from '#test/sql-statements';
import { mobility } from '#app/registry';
import {
  BASE_BACKLOG,
  BASE_BENEFICIARIES,
  BASE_REQUESTS,
  BASE_VOLUNTEERS,
  generateMobility,
} from './generate';
import { isMobilitySeeded, seedMobility } from '.';
import { openScratchSchema } from '#test/scratch-schema';

/** A scratch copy of the mobility schema, so re-seeding here never races the subgraph tests. */
const SCHEMA = 'mobility_dataset_test';
let db: DataSource;
let scratchSchema: Awaited<ReturnType<typeof openScratchSchema>> | undefined;

beforeAll(async () => {
  scratchSchema = await openScratchSchema(mobility, SCHEMA);
  db = scratchSchema.db;
});

afterAll(async () => {
  await scratchSchema?.drop();
});

async function counts(): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>[]>(
    `SELECT (SELECT count(*)::int FROM volunteer) AS volunteers, (SELECT count(*)::int FROM beneficiary) AS beneficiaries,
            (SELECT count(*)::int FROM accompaniment_request) AS requests`,
  );
  return row;
}

async function ledger(): Promise<
  { dataset_id: string; row_count: number; checksum: string; provenance: string }[]
> {
  return db.query(
    'SELECT dataset_id, row_count, checksum, provenance FROM dataset_import ORDER BY dataset_id',
  );
}

describe('generated Paris en Compagnie history', () => {
  it('seeds the documented volumes at scale 1 in a few chunked statements, every row marked GENERATED', async () => {
    expect(await isMobilitySeeded(db)).toBe(false);
    sqlStatementCounter.reset();
    const reports = await seedMobility(db, { seed: 7, scale: 1 });
    // Rows go in chunks of 1,000 (about 1.5 s on an idle machine): the statement count, unlike a
    // timing on a shared runner, says so reliably.
    expect(sqlStatementCounter.bySchema.get(SCHEMA)).toBeLessThan(30);
    expect(await counts()).toEqual({
      volunteers: BASE_VOLUNTEERS,
      beneficiaries: BASE_BENEFICIARIES,
      requests: BASE_REQUESTS + BASE_BACKLOG,
    });
    expect(reports).toEqual([
      { dataset: 'accompaniment-volunteers', rows: BASE_VOLUNTEERS, source: 'generated' },
      { dataset: 'accompaniment-beneficiaries', rows: BASE_BENEFICIARIES, source: 'generated' },
      { dataset: 'accompaniment-requests', rows: BASE_REQUESTS + BASE_BACKLOG, source: 'generated' },
    ]);
    expect(await isMobilitySeeded(db)).toBe(true);
    const [unmarked] = await db.query<{ count: number }[]>(
      `SELECT (SELECT count(*) FROM volunteer WHERE provenance IS DISTINCT FROM 'GENERATED')
            + (SELECT count(*) FROM beneficiary WHERE provenance IS DISTINCT FROM 'GENERATED')
            + (SELECT count(*) FROM accompaniment_request WHERE provenance IS DISTINCT FROM 'GENERATED') AS count`,
    );
    expect(Number(unmarked.count)).toBe(0);
  });

  it('is realistic: since 2019, beneficiaries 75 and over, every status and arrondissement present', async () => {
    const [span] = await db.query<{ first: Date; young: number; arrondissements: number }[]>(
      `SELECT (SELECT min(created_at) FROM accompaniment_request) AS first,
              (SELECT count(*)::int FROM beneficiary WHERE extract(year FROM registered_at) - birth_year < 75) AS young,
              (SELECT count(DISTINCT arrondissement_code)::int FROM accompaniment_request) AS arrondissements`,
    );
    expect(span.first.getUTCFullYear()).toBe(2019);
    expect(span.young).toBe(0);
    expect(span.arrondissements).toBe(20);
    const statuses = await db.query<{ status: string; count: number }[]>(
      'SELECT status, count(*)::int AS count FROM accompaniment_request GROUP BY status',
    );
    const byStatus = Object.fromEntries(statuses.map((row) => [row.status, row.count]));
    expect(Object.keys(byStatus).sort()).toEqual(
      expect.arrayContaining(['ACCEPTED', 'CANCELLED', 'COMPLETED', 'OPEN']),
    );
    expect(byStatus.COMPLETED / (BASE_REQUESTS + BASE_BACKLOG)).toBeGreaterThan(0.8);
    expect(byStatus.OPEN).toBeGreaterThanOrEqual(30);
  });

  it('re-seeding replaces the rows (idempotent), and the same seed gives the same data', async () => {
    const before = await ledger();
    await db.query(
      `UPDATE accompaniment_request SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = 'OTHER' WHERE status = 'OPEN'`,
    );
    await seedMobility(db, { seed: 7, scale: 1 });
    expect(await counts()).toEqual({
      volunteers: BASE_VOLUNTEERS,
      beneficiaries: BASE_BENEFICIARIES,
      requests: BASE_REQUESTS + BASE_BACKLOG,
    });
    const after = await ledger();
    expect(after.map(({ dataset_id, row_count, checksum }) => ({ dataset_id, row_count, checksum }))).toEqual(
      before.map(({ dataset_id, row_count, checksum }) => ({ dataset_id, row_count, checksum })),
    );
    const [{ open }] = await db.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM accompaniment_request WHERE status = 'OPEN'`,
    );
    expect(open).toBeGreaterThan(0);
    const other = generateMobility({ seed: 8, scale: 1 });
    const same = generateMobility({ seed: 7, scale: 1 });
    expect(JSON.stringify(same.requests.slice(0, 50))).not.toBe(JSON.stringify(other.requests.slice(0, 50)));
  });

  it('--scale multiplies volunteers, beneficiaries and requests', async () => {
    await seedMobility(db, { seed: 7, scale: 0.5 });
    expect(await counts()).toEqual({
      volunteers: BASE_VOLUNTEERS / 2,
      beneficiaries: BASE_BENEFICIARIES / 2,
      requests: (BASE_REQUESTS + BASE_BACKLOG) / 2,
    });
    // Back to the default so later tests read the documented volumes.
    await seedMobility(db, { seed: 7, scale: 1 });
  });

  it('numbers requests recorded afterwards after the generated ones', async () => {
    const [{ next }] = await db.query<{ next: string }[]>(
      `SELECT nextval('accompaniment_request_number')::text AS next`,
    );
    expect(Number(next)).toBe(BASE_REQUESTS + BASE_BACKLOG + 1);
  });

  it('refuses invalid options before writing anything', async () => {
    const before = await ledger();
    await expect(seedMobility(db, { seed: 7, scale: 0 })).rejects.toThrow(/scale/);
    await expect(seedMobility(db, { seed: 1.5, scale: 1 })).rejects.toThrow(/seed/);
    expect(await ledger()).toEqual(before);
    expect((await counts()).requests).toBe(BASE_REQUESTS + BASE_BACKLOG);
  });

  it('has a schema that refuses an inconsistent lifecycle whatever code writes it', async () => {
    const [open] = await db.query<{ id: string }[]>(
      `SELECT id FROM accompaniment_request WHERE status = 'OPEN' LIMIT 1`,
    );
    await expect(
      db.query(`UPDATE accompaniment_request SET status = 'COMPLETED' WHERE id = $1`, [open.id]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query(`UPDATE accompaniment_request SET volunteer_id = 'VOL-0001' WHERE id = $1`, [open.id]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query(`UPDATE accompaniment_request SET arrondissement_code = 21 WHERE id = $1`, [open.id]),
    ).rejects.toThrow(/check constraint/);
  });
});
