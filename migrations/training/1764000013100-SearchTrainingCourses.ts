import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addSearchDocument, dropSearchDocument } from '#platform/search';

/** `trainingCourses(filter: { search })`: French full text over the title and the certification. */
export class SearchTrainingCourses1764000013100 implements MigrationInterface {
  name = 'SearchTrainingCourses1764000013100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSearchDocument(queryRunner, 'course', [
      { sql: 'title', weight: 'A' },
      { sql: 'certification', weight: 'B' },
      { sql: 'street_address', weight: 'C' },
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSearchDocument(queryRunner, 'course');
  }
}
