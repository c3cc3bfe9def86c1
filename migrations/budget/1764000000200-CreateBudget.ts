import type { MigrationInterface, QueryRunner } from 'typeorm';
import { geoIndexSql } from '#platform/geo';

const YEAR_MONTH = `~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`;

/**
 * The participatory budget: editions, their winning projects, and the ballots cast for them.
 * The schema name comes from the connection so the importer tests can migrate a scratch schema.
 */
export class CreateBudget1764000000200 implements MigrationInterface {
  name = 'CreateBudget1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'budget';
    await queryRunner.query(`
      CREATE TABLE budget_edition (
        year smallint PRIMARY KEY CHECK (year BETWEEN 2014 AND 2100),
        provenance text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE budget_project (
        id integer PRIMARY KEY,
        edition smallint NOT NULL REFERENCES budget_edition (year),
        title text,
        theme text NOT NULL,
        lead_department text,
        budget_euros integer NOT NULL CHECK (budget_euros >= 0),
        scale text NOT NULL CHECK (scale IN ('ARRONDISSEMENT', 'PARIS_WIDE')),
        address text,
        postal_code text NOT NULL,
        arrondissement_codes smallint[] NOT NULL
          CHECK (arrondissement_codes <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]::smallint[]),
        working_class_neighbourhood boolean NOT NULL,
        progress text NOT NULL
          CHECK (progress IN ('NOT_STARTED', 'STUDIES', 'PROCEDURES', 'WORKS', 'DELIVERY', 'COMPLETED', 'ABANDONED')),
        studies_start text CHECK (studies_start ${YEAR_MONTH}),
        procedures_start text CHECK (procedures_start ${YEAR_MONTH}),
        works_start text CHECK (works_start ${YEAR_MONTH}),
        planned_delivery text CHECK (planned_delivery ${YEAR_MONTH}),
        opened_to_public text CHECK (opened_to_public ${YEAR_MONTH}),
        submitted_idea_url text,
        project_url text,
        latitude double precision,
        longitude double precision,
        building_id text,
        provenance text NOT NULL,
        CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX "IDX_budget_project_edition" ON budget_project (edition, id)');
    await queryRunner.query(
      'CREATE INDEX "IDX_budget_project_arrondissements" ON budget_project USING gin (arrondissement_codes)',
    );
    await queryRunner.query('CREATE INDEX "IDX_budget_project_progress" ON budget_project (progress)');
    await queryRunner.query(
      'CREATE INDEX "IDX_budget_project_building" ON budget_project (building_id) WHERE building_id IS NOT NULL',
    );
    await queryRunner.query(geoIndexSql(schema, 'budget_project'));
    // A Paris Centre project (75123) belongs to the 1st, 2nd, 3rd and 4th at once: one row per
    // (project, arrondissement) lets the nested Arrondissement.budgetProjects page them per parent.
    await queryRunner.query(`
      CREATE VIEW budget_project_arrondissement AS
        SELECT project.*, member.code AS arrondissement_code
        FROM budget_project project
        CROSS JOIN LATERAL unnest(project.arrondissement_codes) AS member (code)`);
    await queryRunner.query(`
      CREATE TABLE budget_vote (
        id text PRIMARY KEY,
        citizen_id text NOT NULL,
        edition smallint NOT NULL REFERENCES budget_edition (year),
        cast_at timestamptz NOT NULL,
        origin text NOT NULL CHECK (origin IN ('GENERATED', 'CAST')),
        UNIQUE (edition, citizen_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE budget_vote_choice (
        vote_id text NOT NULL REFERENCES budget_vote (id) ON DELETE CASCADE,
        project_id integer NOT NULL REFERENCES budget_project (id),
        PRIMARY KEY (vote_id, project_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_budget_vote_choice_project" ON budget_vote_choice (project_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE budget_vote_choice');
    await queryRunner.query('DROP TABLE budget_vote');
    await queryRunner.query('DROP VIEW budget_project_arrondissement');
    await queryRunner.query('DROP TABLE budget_project');
    await queryRunner.query('DROP TABLE budget_edition');
  }
}
