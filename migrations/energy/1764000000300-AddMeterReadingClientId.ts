import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The id a sensor or operator gives each reading it sends (`recordMeterReadings`): unique, so a
 * replayed batch stores nothing twice. Generated and imported readings have none (NULLs never
 * collide), which is why it sits beside the identity key rather than replacing it.
 */
export class AddMeterReadingClientId1764000000300 implements MigrationInterface {
  name = 'AddMeterReadingClientId1764000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE meter_reading ADD COLUMN reading_id text');
    await queryRunner.query(
      'ALTER TABLE meter_reading ADD CONSTRAINT "UQ_meter_reading_reading_id" UNIQUE (reading_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE meter_reading DROP COLUMN reading_id');
  }
}
