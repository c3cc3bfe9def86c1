import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { ImportError } from '#platform/ingestion';
import { budget } from '#app/registry';
import { GENERATED_EDITION_SIZES, generateProjects } from './generate-projects';
import { PROJECTS_FILE } from './import-projects';
import { seedBudget } from './index';
import { openScratchSchema } from '#test/scratch-schema';

/** A scratch schema, so re-importing here never races the subgraph tests reading `budget`. */
const SCHEMA = 'budget_import_test';
const SEED = 7;

let db: DataSource;
let scratchSchema: Awaited<ReturnType<typeof openScratchSchema>> | undefined;
let openDataDir: string;
let scratch: string;

beforeAll(async () => {
  const shared = inject('openDataDir');
  if (!shared) throw new Error('These tests read the real export: set PARIS_OPEN_DATA_DIR');
  openDataDir = shared;
  scratch = mkdtempSync(path.join(tmpdir(), 'ocg-budget-'));
  scratchSchema = await openScratchSchema(budget, SCHEMA);
  db = scratchSchema.db;
});

afterAll(async () => {
  await scratchSchema?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

interface Snapshot {
  projects: number;
  located: number;
  linked: number;
  ballots: number;
  choices: number;
  ledger: string;
  tallies: string;
}

async function snapshot(): Promise<Snapshot> {
  const [counts] = await db.query<
    { projects: number; located: number; linked: number; ballots: number; choices: number }[]
  >(
    `SELECT (SELECT count(*)::int FROM budget_project) AS projects,
            (SELECT count(*)::int FROM budget_project WHERE latitude IS NOT NULL) AS located,
            (SELECT count(*)::int FROM budget_project WHERE building_id IS NOT NULL) AS linked,
            (SELECT count(*)::int FROM budget_vote) AS ballots,
            (SELECT count(*)::int FROM budget_vote_choice) AS choices`,
  );
  const [ledger] = await db.query<{ ledger: string }[]>(
    "SELECT string_agg(dataset_id || ':' || provenance || ':' || row_count || ':' || coalesce(checksum, ''), ',' ORDER BY dataset_id) AS ledger FROM dataset_import",
  );
  const [tallies] = await db.query<{ tallies: string }[]>(
    `SELECT md5(string_agg(project_id || '=' || votes, ',' ORDER BY project_id)) AS tallies
     FROM (SELECT project_id, count(*) AS votes FROM budget_vote_choice GROUP BY project_id) t`,
  );
  return { ...counts, ledger: ledger.ledger, tallies: tallies.tallies };
}

function writeVariant(name: string, transform: (lines: string[]) => string[]): string {
  const directory = path.join(scratch, name);
  const lines = readFileSync(path.join(openDataDir, PROJECTS_FILE), 'utf8').split('\n');
  mkdirSync(directory);
  writeFileSync(path.join(directory, PROJECTS_FILE), transform(lines).join('\n'));
  return directory;
}

describe('budget importer', () => {
  it('imports the 1,214 rows of the real export, with votes for every edition', async () => {
    const started = Date.now();
    const reports = await seedBudget(db, { openDataDir, scale: 1, seed: SEED });
    const elapsed = Date.now() - started;
    expect(reports).toEqual([
      { dataset: 'budget-projects', rows: 1214, source: 'open-data' },
      { dataset: 'budget-votes', rows: 9000, source: 'generated' },
    ]);
    const state = await snapshot();
    expect(state.projects).toBe(1214);
    expect(state.ballots).toBe(9000);
    expect(state.located).toBeGreaterThan(200);
    expect(state.linked).toBeGreaterThan(50);
    expect(state.ledger).toMatch(
      /^budget-projects:OPEN_DATA:1214:[0-9a-f]{64},budget-votes:GENERATED:9000:$/,
    );
    expect(elapsed).toBeLessThan(10_000);
  });

  it('replaces everything when run again, with the same ballots from the same seed', async () => {
    const before = await snapshot();
    await db.query(
      "INSERT INTO budget_vote (id, citizen_id, edition, cast_at, origin) VALUES ('extra', 'someone', 2019, now(), 'CAST')",
    );
    await seedBudget(db, { openDataDir, scale: 1, seed: SEED });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a truncated file, naming the row and the column, and writes nothing', async () => {
    const before = await snapshot();
    // Header, 100 whole rows, then the 101st cut after its fifth field.
    const directory = writeVariant('truncated', (lines) => [
      ...lines.slice(0, 101),
      lines[101].split(';').slice(0, 5).join(';'),
    ]);
    const failure = seedBudget(db, { openDataDir: directory, scale: 1, seed: SEED });
    await expect(failure).rejects.toBeInstanceOf(ImportError);
    await expect(failure).rejects.toMatchObject({ row: 101, column: 'Thématique' });
    await expect(failure).rejects.toThrow(
      /row 101, column "Thématique": the row ends early \(5 of 19 fields\)/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a malformed value, naming the row and the column, and writes nothing', async () => {
    const before = await snapshot();
    const directory = writeVariant('malformed', (lines) =>
      lines.map((line, index) =>
        index === 3
          ? line
              .split(';')
              .map((field, column) => (column === 7 ? 'beaucoup' : field))
              .join(';')
          : line,
      ),
    );
    await expect(seedBudget(db, { openDataDir: directory, scale: 1, seed: SEED })).rejects.toMatchObject({
      row: 3,
      column: 'Budget global du projet lauréat',
    });
    const badMonth = writeVariant('bad-month', (lines) =>
      lines.map((line, index) =>
        index === 7
          ? line
              .split(';')
              .map((field, column) => (column === 13 ? '2017-13' : field))
              .join(';')
          : line,
      ),
    );
    await expect(seedBudget(db, { openDataDir: badMonth, scale: 1, seed: SEED })).rejects.toMatchObject({
      row: 7,
      column: 'Date de début des études du projet',
    });
    const unknownStage = writeVariant('unknown-stage', (lines) =>
      lines.map((line) => line.replace(';FIN;', ';FINI;')),
    );
    await expect(seedBudget(db, { openDataDir: unknownStage, scale: 1, seed: SEED })).rejects.toMatchObject({
      row: 1,
      column: 'Avancement du projet',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('generates a programme shaped like the export when no export is given, reproducibly', async () => {
    const projects = generateProjects(SEED);
    expect(projects).toHaveLength(
      Object.values(GENERATED_EDITION_SIZES).reduce((sum, size) => sum + size, 0),
    );
    expect(generateProjects(SEED)).toEqual(projects);
    expect(generateProjects(SEED + 1)).not.toEqual(projects);
    const reports = await seedBudget(db, { scale: 2, seed: SEED });
    expect(reports).toEqual([
      { dataset: 'budget-projects', rows: 1214, source: 'generated' },
      { dataset: 'budget-votes', rows: 18000, source: 'generated' },
    ]);
    const state = await snapshot();
    expect(state).toMatchObject({ projects: 1214, located: 1214, ballots: 18000 });
    expect(state.linked).toBeGreaterThan(0);
    const [{ delivered }] = await db.query<{ delivered: number }[]>(
      "SELECT count(*)::int AS delivered FROM budget_project WHERE progress = 'COMPLETED' AND provenance = 'GENERATED'",
    );
    // The brochure: 1,815 of 3,013 ratified projects delivered (60 %).
    expect(delivered / 1214).toBeGreaterThan(0.45);
    expect(delivered / 1214).toBeLessThan(0.75);
  });
});
