import type { MigrationInterface, QueryRunner } from 'typeorm';
import { geoIndexSql } from '#platform/geo';

export class CreateTerritory1764000000100 implements MigrationInterface {
  name = 'CreateTerritory1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE arrondissement (
        code smallint PRIMARY KEY CHECK (code BETWEEN 1 AND 20),
        insee_code text NOT NULL UNIQUE,
        name text NOT NULL,
        official_name text NOT NULL,
        surface_m2 double precision,
        perimeter_m double precision,
        population integer,
        population_year smallint,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        geometry jsonb,
        provenance text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE district (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        description text,
        arrondissement_code smallint NOT NULL REFERENCES arrondissement (code),
        surface_m2 double precision,
        start_year smallint,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        provenance text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX "IDX_district_arrondissement" ON district (arrondissement_code)');
    await queryRunner.query(geoIndexSql('territory', 'district'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE district');
    await queryRunner.query('DROP TABLE arrondissement');
  }
}
