import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { Provenance } from '#platform/city';
import { hasDatasetImports, recordDatasetImport } from '#platform/dataset-imports';
import { insertRows } from '#platform/ingestion';
import type { SeedOptions, SeedReport } from '#platform/subgraph';
import { BudgetEdition } from '#budget/modules/edition/edition.entity';
import { BudgetProject } from '#budget/modules/project/project.entity';
import { generateBallots } from './generate-votes';
import { generateProjects } from './generate-projects';
import { PROJECTS_FILE, readBudgetProjects } from './import-projects';

export const isBudgetSeeded = (db: DataSource): Promise<boolean> => hasDatasetImports(db.manager);

/**
 * Fills the budget schema in one transaction: the winning projects from the city's export when
 * `openDataDir` holds it (else generated ones shaped like it), their editions, then generated
 * ballots (`scale` × 1,000 per edition). Running it again replaces everything, ballots cast
 * through `castVote` included; a bad file throws before anything is written.
 */
export async function seedBudget(db: DataSource, options: SeedOptions): Promise<SeedReport[]> {
  const fromOpenData =
    options.openDataDir !== undefined && existsSync(path.join(options.openDataDir, PROJECTS_FILE));
  const imported = fromOpenData
    ? await readBudgetProjects(options.openDataDir as string, options.seed)
    : undefined;
  const projects = imported?.rows ?? generateProjects(options.seed);
  const provenance = fromOpenData ? Provenance.OPEN_DATA : Provenance.GENERATED;
  const editions = [...new Set(projects.map((project) => project.edition))]
    .sort((a, b) => a - b)
    .map((year) => Object.assign(new BudgetEdition(), { year, provenance }));
  const ballots = generateBallots(projects, options.seed, options.scale);
  await db.transaction(async (manager) => {
    await manager.query('DELETE FROM budget_vote_choice');
    await manager.query('DELETE FROM budget_vote');
    await manager.query('DELETE FROM budget_project');
    await manager.query('DELETE FROM budget_edition');
    await insertRows(manager, BudgetEdition, editions);
    await insertRows(manager, BudgetProject, projects);
    // Ballots are many and narrow: one statement per table, fed by arrays.
    await manager.query(
      `INSERT INTO budget_vote (id, citizen_id, edition, cast_at, origin)
       SELECT id, citizen_id, edition, cast_at, 'GENERATED'
       FROM unnest($1::text[], $2::text[], $3::smallint[], $4::timestamptz[]) AS ballot (id, citizen_id, edition, cast_at)`,
      [ballots.voteIds, ballots.citizenIds, ballots.editions, ballots.castAt],
    );
    await manager.query(
      'INSERT INTO budget_vote_choice (vote_id, project_id) SELECT * FROM unnest($1::text[], $2::int[])',
      [ballots.choiceVoteIds, ballots.choiceProjectIds],
    );
    await recordDatasetImport(manager, {
      datasetId: 'budget-projects',
      provenance: fromOpenData ? 'OPEN_DATA' : 'GENERATED',
      source: fromOpenData ? PROJECTS_FILE : 'generated (shaped like the city export)',
      seed: options.seed,
      rowCount: projects.length,
      checksum: imported?.checksum,
    });
    await recordDatasetImport(manager, {
      datasetId: 'budget-votes',
      provenance: 'GENERATED',
      source: 'generated ballots',
      seed: options.seed,
      scale: options.scale,
      rowCount: ballots.voteIds.length,
    });
  });
  return [
    { dataset: 'budget-projects', rows: projects.length, source: fromOpenData ? 'open-data' : 'generated' },
    { dataset: 'budget-votes', rows: ballots.voteIds.length, source: 'generated' },
  ];
}
