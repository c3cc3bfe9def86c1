import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addSearchDocument, dropSearchDocument } from '#platform/search';

/** `challenges` and `startups` take `filter: { search }`: French full text over their texts. */
export class SearchDatacity1764000013100 implements MigrationInterface {
  name = 'SearchDatacity1764000013100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSearchDocument(queryRunner, 'challenge', [
      { sql: 'title', weight: 'A' },
      { sql: 'description', weight: 'B' },
      { sql: 'city_department', weight: 'C' },
    ]);
    await addSearchDocument(queryRunner, 'startup', [
      { sql: 'name', weight: 'A' },
      { sql: 'description', weight: 'B' },
      { sql: 'sector', weight: 'C' },
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSearchDocument(queryRunner, 'startup');
    await dropSearchDocument(queryRunner, 'challenge');
  }
}
