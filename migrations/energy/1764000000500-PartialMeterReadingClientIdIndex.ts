import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Only readings a sender sent carry a client id: generated and imported ones (nearly all of a full
 * year's 151 M rows) hold NULL, which the full unique index of 1764000000300 still stored (about
 * 3.4 GB of NULLs). The partial index keeps the same guarantee — a replayed reading stores nothing
 * twice, `ON CONFLICT DO NOTHING` still sees it — over the non-null ids alone. Built CONCURRENTLY
 * (so outside a transaction) before the full one is dropped: ingestion never runs unguarded.
 */
export class PartialMeterReadingClientIdIndex1764000000500 implements MigrationInterface {
  name = 'PartialMeterReadingClientIdIndex1764000000500';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    // A build interrupted earlier leaves an invalid index behind: start again from nothing.
    await queryRunner.query('DROP INDEX CONCURRENTLY IF EXISTS meter_reading_client_reading_id');
    await queryRunner.query(
      'CREATE UNIQUE INDEX CONCURRENTLY meter_reading_client_reading_id ON meter_reading (reading_id) WHERE reading_id IS NOT NULL',
    );
    await queryRunner.query('ALTER TABLE meter_reading DROP CONSTRAINT "UQ_meter_reading_reading_id"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE meter_reading ADD CONSTRAINT "UQ_meter_reading_reading_id" UNIQUE (reading_id)',
    );
    await queryRunner.query('DROP INDEX CONCURRENTLY meter_reading_client_reading_id');
  }
}
