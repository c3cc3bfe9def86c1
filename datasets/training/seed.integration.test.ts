import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '#platform/database';
import { TEST_SEED } from '#test/global-setup';
import { training } from '#app/registry';
import { generateTraining } from './generate';
import { isTrainingSeeded, seedTraining } from './index';

const TABLES = [
  'call_for_projects',
  'provider',
  'course',
  'cohort',
  'sponsor',
  'sponsorship',
  'hire',
] as const;

let db: DataSource;

beforeAll(async () => {
  db = createServiceDataSource({
    url: inject('databaseUrl'),
    schema: 'training',
    entities: training.entities,
    migrations: training.migrations,
    poolSize: 2,
  });
  await db.initialize();
});
afterAll(() => db?.destroy());

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = (
      await db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${table}`)
    )[0].count;
  }
  return counts;
}

async function ledger(): Promise<
  { dataset_id: string; row_count: number; checksum: string; seed: number }[]
> {
  return db.query(
    "SELECT dataset_id, row_count, checksum, seed FROM dataset_import WHERE dataset_id LIKE 'training-%' ORDER BY dataset_id",
  );
}

describe('seeding the training schema', () => {
  const rows = generateTraining({ seed: TEST_SEED, scale: 1 });
  const expectedCounts = {
    call_for_projects: rows.calls.length,
    provider: rows.providers.length,
    course: rows.courses.length,
    cohort: rows.cohorts.length,
    sponsor: rows.sponsors.length,
    sponsorship: rows.sponsorships.length,
    hire: rows.hires.length,
  };

  it('holds exactly the generated rows, marked GENERATED, with their ledger lines', async () => {
    expect(await isTrainingSeeded(db)).toBe(true);
    expect(await tableCounts()).toEqual(expectedCounts);
    const provenances = await db.query<{ provenance: string }[]>(
      'SELECT DISTINCT provenance FROM course UNION SELECT DISTINCT provenance FROM cohort UNION SELECT DISTINCT provenance FROM sponsor',
    );
    expect(provenances).toEqual([{ provenance: 'GENERATED' }]);
    const lines = await ledger();
    expect(lines.find((line) => line.dataset_id === 'training-courses')).toEqual({
      dataset_id: 'training-courses',
      row_count: rows.courses.length,
      checksum: rows.checksum,
      seed: TEST_SEED,
    });
  });

  it('replaces the rows when run again (idempotent), in well under the few seconds a start allows', async () => {
    const before = await ledger();
    const started = Date.now();
    const report = await seedTraining(db, { seed: TEST_SEED, scale: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(report.find((entry) => entry.dataset === 'training-courses')).toEqual({
      dataset: 'training-courses',
      rows: rows.courses.length,
      source: 'generated',
    });
    expect(await tableCounts()).toEqual(expectedCounts);
    expect(await ledger()).toEqual(before);
    const first = await db.query<{ id: string; title: string; funding_euros: number }[]>(
      'SELECT id, title, funding_euros FROM course ORDER BY id LIMIT 1',
    );
    expect(first).toEqual([
      { id: rows.courses[0].id, title: rows.courses[0].title, funding_euros: rows.courses[0].fundingEuros },
    ]);
  });

  it('writes nothing when the options are invalid', async () => {
    const before = { counts: await tableCounts(), ledger: await ledger() };
    await expect(seedTraining(db, { seed: TEST_SEED, scale: -1 })).rejects.toThrow(/scale/);
    await expect(seedTraining(db, { seed: TEST_SEED, scale: Number.NaN })).rejects.toThrow(/scale/);
    expect({ counts: await tableCounts(), ledger: await ledger() }).toEqual(before);
  });

  it('lets the schema refuse rows that break its rules', async () => {
    await expect(
      db.query('UPDATE cohort SET completed = enrolled + 1 WHERE id = $1', [rows.cohorts[0].id]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query("UPDATE course SET priority_audiences = ARRAY['EVERYONE'] WHERE id = $1", [
        rows.courses[0].id,
      ]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query("UPDATE course SET provider_id = 'nobody' WHERE id = $1", [rows.courses[0].id]),
    ).rejects.toThrow(/foreign key/);
  });
});
