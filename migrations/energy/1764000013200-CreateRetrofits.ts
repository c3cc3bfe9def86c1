import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retrofit works on the buildings (insulation, heating system, windows…): dates, cost, measures
 * and the saving the energy audit expected. What the meters measured before and after is not
 * stored: the energy service computes it from the daily roll-up when asked, so it follows the
 * readings as they arrive.
 */
export class CreateRetrofits1764000013200 implements MigrationInterface {
  name = 'CreateRetrofits1764000013200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE retrofit (
        id text PRIMARY KEY CHECK (id ~ '^BAT-[0-9]{2}-[0-9]{4}-R[0-9]+$'),
        building_id text NOT NULL REFERENCES building (id) ON DELETE CASCADE,
        started_on date NOT NULL,
        completed_on date NOT NULL CHECK (completed_on >= started_on),
        cost_euros integer NOT NULL CHECK (cost_euros >= 0),
        measures text[] NOT NULL CHECK (cardinality(measures) > 0 AND measures <@ ARRAY['INSULATION', 'WINDOWS',
          'HEATING_SYSTEM', 'VENTILATION', 'LIGHTING', 'CONTROL']),
        expected_saving_percent double precision NOT NULL CHECK (expected_saving_percent BETWEEN 0 AND 100),
        provenance text NOT NULL CHECK (provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED'))
      )`);
    await queryRunner.query('CREATE INDEX "IDX_retrofit_building" ON retrofit (building_id, started_on, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE retrofit');
  }
}
