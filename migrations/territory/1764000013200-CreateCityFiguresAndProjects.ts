import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the brochure says about the city as a whole and about its districts' projects, each fact
 * tied to the document it comes from: `citation` (a published document), `city` (Paris) and its
 * key figures, `project` (an urban project on a district, such as CoRDEES, its partners and
 * funding kept as small JSON lists), and a citation on districts whose facts come from a named
 * source. Rows are written by the territory seed, as the other reference tables are.
 */
export class CreateCityFiguresAndProjects1764000013200 implements MigrationInterface {
  name = 'CreateCityFiguresAndProjects1764000013200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE citation (
        id text PRIMARY KEY,
        title text NOT NULL,
        publisher text NOT NULL,
        year smallint CHECK (year BETWEEN 1800 AND 2100),
        url text CHECK (url ~ '^https?://'),
        note text
      )`);
    await queryRunner.query(`
      CREATE TABLE city (
        id text PRIMARY KEY,
        name text NOT NULL,
        insee_code text NOT NULL UNIQUE,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        provenance text NOT NULL CHECK (provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED'))
      )`);
    await queryRunner.query(`
      CREATE TABLE city_figure (
        city_id text NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        indicator text NOT NULL CHECK (indicator IN ('INHABITANTS', 'JOBS', 'SHOPS_AND_COMMERCIAL_SERVICES',
          'STARTUPS', 'BUSINESSES', 'HIGHER_EDUCATION_STUDENTS')),
        year smallint NOT NULL CHECK (year BETWEEN 1800 AND 2100),
        value double precision NOT NULL CHECK (value >= 0),
        unit text NOT NULL,
        label text NOT NULL,
        citation_id text NOT NULL REFERENCES citation (id),
        provenance text NOT NULL CHECK (provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED')),
        PRIMARY KEY (city_id, indicator, year)
      )`);
    await queryRunner.query('ALTER TABLE district ADD COLUMN citation_id text REFERENCES citation (id)');
    await queryRunner.query(`
      CREATE TABLE project (
        id text PRIMARY KEY,
        name text NOT NULL,
        full_name text,
        description text,
        district_id text NOT NULL REFERENCES district (id) ON DELETE CASCADE,
        lead text NOT NULL,
        start_year smallint CHECK (start_year BETWEEN 1800 AND 2100),
        duration_years smallint CHECK (duration_years > 0),
        website text CHECK (website ~ '^https?://'),
        partners jsonb NOT NULL CHECK (jsonb_typeof(partners) = 'array'),
        funding jsonb NOT NULL CHECK (jsonb_typeof(funding) = 'array'),
        citation_id text NOT NULL REFERENCES citation (id),
        provenance text NOT NULL CHECK (provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED'))
      )`);
    await queryRunner.query('CREATE INDEX "IDX_project_district" ON project (district_id, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE project');
    await queryRunner.query('ALTER TABLE district DROP COLUMN citation_id');
    await queryRunner.query('DROP TABLE city_figure');
    await queryRunner.query('DROP TABLE city');
    await queryRunner.query('DROP TABLE citation');
  }
}
