import type { MigrationInterface, QueryRunner } from 'typeorm';
import { geoIndexSql } from '#platform/geo';

const PROVENANCE_CHECK = "CHECK (provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED'))";
const ARRONDISSEMENT_CHECK = 'CHECK (arrondissement_code BETWEEN 1 AND 20)';

/**
 * The DataCity schema. Sites point at stations and buildings other services own, so those two
 * columns carry no foreign key; everything inside the schema does, down to "an experiment runs
 * on a site of its own challenge, by a start-up that challenge selected".
 */
export class CreateDatacity1764000000200 implements MigrationInterface {
  name = 'CreateDatacity1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE startup (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('ENERGY', 'CIRCULAR_ECONOMY', 'MOBILITY', 'WATER', 'IOT_SENSORS', 'DATA_AI', 'CONSTRUCTION', 'CIVIC_TECH')),
        founded_year smallint NOT NULL CHECK (founded_year BETWEEN 1900 AND 2100),
        website text,
        employees integer NOT NULL CHECK (employees >= 1),
        arrondissement_code smallint NOT NULL ${ARRONDISSEMENT_CHECK},
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        provenance text NOT NULL ${PROVENANCE_CHECK}
      )`);
    await queryRunner.query('CREATE INDEX "IDX_startup_name" ON startup (name, id)');
    await queryRunner.query('CREATE INDEX "IDX_startup_arrondissement" ON startup (arrondissement_code)');
    await queryRunner.query('CREATE INDEX "IDX_startup_sector" ON startup (sector)');
    await queryRunner.query(geoIndexSql('datacity', 'startup'));

    await queryRunner.query(`
      CREATE TABLE challenge (
        id text PRIMARY KEY,
        title text NOT NULL,
        description text NOT NULL,
        season smallint NOT NULL CHECK (season >= 2016),
        theme text NOT NULL CHECK (theme IN ('ENERGY', 'WASTE', 'MOBILITY', 'WATER', 'PUBLIC_SPACE', 'AIR_QUALITY')),
        status text NOT NULL CHECK (status IN ('OPEN', 'EXPERIMENTING', 'COMPLETED')),
        city_department text NOT NULL,
        partners text[] NOT NULL,
        launch_date date NOT NULL,
        arrondissement_code smallint NOT NULL ${ARRONDISSEMENT_CHECK},
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        provenance text NOT NULL ${PROVENANCE_CHECK}
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_challenge_arrondissement" ON challenge (arrondissement_code, id)',
    );
    await queryRunner.query('CREATE INDEX "IDX_challenge_season" ON challenge (season)');
    await queryRunner.query('CREATE INDEX "IDX_challenge_theme" ON challenge (theme)');
    await queryRunner.query('CREATE INDEX "IDX_challenge_partners" ON challenge USING gin (partners)');
    await queryRunner.query(geoIndexSql('datacity', 'challenge'));

    await queryRunner.query(`
      CREATE TABLE challenge_selection (
        challenge_id text NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        startup_id text NOT NULL REFERENCES startup (id) ON DELETE CASCADE,
        selected_on date NOT NULL,
        PRIMARY KEY (challenge_id, startup_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_challenge_selection_startup" ON challenge_selection (startup_id)',
    );

    await queryRunner.query(`
      CREATE TABLE challenge_site (
        id text PRIMARY KEY,
        challenge_id text NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('WASTE_STATION', 'PUBLIC_BUILDING')),
        waste_station_id text,
        building_id text,
        arrondissement_code smallint NOT NULL ${ARRONDISSEMENT_CHECK},
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        provenance text NOT NULL ${PROVENANCE_CHECK},
        UNIQUE (id, challenge_id),
        CHECK (
          (kind = 'WASTE_STATION' AND waste_station_id IS NOT NULL AND building_id IS NULL)
          OR (kind = 'PUBLIC_BUILDING' AND building_id IS NOT NULL AND waste_station_id IS NULL)
        )
      )`);
    await queryRunner.query('CREATE INDEX "IDX_challenge_site_challenge" ON challenge_site (challenge_id)');
    await queryRunner.query(
      'CREATE INDEX "IDX_challenge_site_arrondissement" ON challenge_site (arrondissement_code)',
    );
    await queryRunner.query(geoIndexSql('datacity', 'challenge_site'));

    await queryRunner.query(`
      CREATE TABLE experiment (
        id text PRIMARY KEY,
        challenge_id text NOT NULL,
        startup_id text NOT NULL,
        site_id text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        outcome text CHECK (outcome IN ('DEPLOYED', 'EXTENDED', 'STOPPED')),
        kpis jsonb NOT NULL CHECK (jsonb_typeof(kpis) = 'array'),
        provenance text NOT NULL ${PROVENANCE_CHECK},
        CHECK (end_date >= start_date),
        FOREIGN KEY (challenge_id, startup_id) REFERENCES challenge_selection (challenge_id, startup_id) ON DELETE CASCADE,
        FOREIGN KEY (site_id, challenge_id) REFERENCES challenge_site (id, challenge_id) ON DELETE CASCADE
      )`);
    await queryRunner.query('CREATE INDEX "IDX_experiment_challenge" ON experiment (challenge_id)');
    await queryRunner.query('CREATE INDEX "IDX_experiment_startup" ON experiment (startup_id)');
    await queryRunner.query('CREATE INDEX "IDX_experiment_site" ON experiment (site_id)');
    await queryRunner.query('CREATE INDEX "IDX_experiment_start" ON experiment (start_date, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE experiment');
    await queryRunner.query('DROP TABLE challenge_site');
    await queryRunner.query('DROP TABLE challenge_selection');
    await queryRunner.query('DROP TABLE challenge');
    await queryRunner.query('DROP TABLE startup');
  }
}
