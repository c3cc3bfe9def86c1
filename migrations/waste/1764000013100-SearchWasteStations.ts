import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addSearchDocument, dropSearchDocument } from '#platform/search';

/** `wasteStations(filter: { search })`: French full text over the name and the address. */
export class SearchWasteStations1764000013100 implements MigrationInterface {
  name = 'SearchWasteStations1764000013100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSearchDocument(queryRunner, 'waste_station', [
      { sql: 'name', weight: 'A' },
      { sql: 'address', weight: 'B' },
      { sql: 'address_detail', weight: 'B' },
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSearchDocument(queryRunner, 'waste_station');
  }
}
