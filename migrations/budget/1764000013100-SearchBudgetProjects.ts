import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addSearchDocument, dropSearchDocument } from '#platform/search';

const PER_ARRONDISSEMENT_VIEW = `
  CREATE VIEW budget_project_arrondissement AS
    SELECT project.*, member.code AS arrondissement_code
    FROM budget_project project
    CROSS JOIN LATERAL unnest(project.arrondissement_codes) AS member (code)`;

/**
 * `budgetProjects(filter: { search })`: French full text over the title, the theme and the
 * address. The per-arrondissement view is re-created so that it carries the document too.
 */
export class SearchBudgetProjects1764000013100 implements MigrationInterface {
  name = 'SearchBudgetProjects1764000013100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW budget_project_arrondissement');
    await addSearchDocument(queryRunner, 'budget_project', [
      { sql: 'title', weight: 'A' },
      { sql: 'theme', weight: 'B' },
      { sql: 'address', weight: 'C' },
    ]);
    await queryRunner.query(PER_ARRONDISSEMENT_VIEW);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW budget_project_arrondissement');
    await dropSearchDocument(queryRunner, 'budget_project');
    await queryRunner.query(PER_ARRONDISSEMENT_VIEW);
  }
}
