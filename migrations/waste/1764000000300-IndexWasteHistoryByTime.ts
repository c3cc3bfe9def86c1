import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `wasteStreamStatistics` reads the fill-level history and the collections of a time window
 * across the city: without an index on the time alone, a day's figures would scan every report
 * ever stored. B-trees rather than BRIN because seeded and imported history is not stored in time
 * order (scoped queries keep using the per-container and per-station indexes).
 */
export class IndexWasteHistoryByTime1764000000300 implements MigrationInterface {
  name = 'IndexWasteHistoryByTime1764000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_filling_level_observation_observed_at" ON filling_level_observation (observed_at)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_waste_collection_collected_at" ON waste_collection (collected_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_waste_collection_collected_at"');
    await queryRunner.query('DROP INDEX "IDX_filling_level_observation_observed_at"');
  }
}
