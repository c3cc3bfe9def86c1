import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addSearchDocument, dropSearchDocument } from '#platform/search';

/** `buildings(filter: { search })`: French full text over the name, the address and the owner. */
export class SearchBuildings1764000013100 implements MigrationInterface {
  name = 'SearchBuildings1764000013100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSearchDocument(queryRunner, 'building', [
      { sql: 'name', weight: 'A' },
      { sql: 'street_address', weight: 'B' },
      { sql: 'owner', weight: 'C' },
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSearchDocument(queryRunner, 'building');
  }
}
