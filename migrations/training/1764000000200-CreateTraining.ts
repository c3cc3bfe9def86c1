import type { MigrationInterface, QueryRunner } from 'typeorm';
import { geoIndexSql } from '#platform/geo';

const PROVENANCE = "provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED')";

export class CreateTraining1764000000200 implements MigrationInterface {
  name = 'CreateTraining1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE call_for_projects (
        year smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        title text NOT NULL,
        budget_euros integer NOT NULL CHECK (budget_euros >= 0),
        opened_on date NOT NULL,
        closed_on date NOT NULL CHECK (closed_on >= opened_on),
        provenance text NOT NULL CHECK (${PROVENANCE})
      )`);
    await queryRunner.query(`
      CREATE TABLE provider (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('SCHOOL', 'ASSOCIATION', 'COMPANY')),
        website text,
        founded_year smallint CHECK (founded_year BETWEEN 1900 AND 2100),
        provenance text NOT NULL CHECK (${PROVENANCE})
      )`);
    await queryRunner.query(`
      CREATE TABLE course (
        id text PRIMARY KEY,
        title text NOT NULL,
        skill_domain text NOT NULL CHECK (skill_domain IN ('WEB_DEVELOPMENT', 'DATA', 'CYBERSECURITY',
          'CLOUD_AND_NETWORKS', 'DIGITAL_MARKETING', 'UX_DESIGN', 'DIGITAL_SUPPORT')),
        format text NOT NULL CHECK (format IN ('BOOTCAMP', 'PART_TIME', 'WORK_STUDY', 'BLENDED')),
        provider_id text NOT NULL REFERENCES provider (id),
        year smallint NOT NULL REFERENCES call_for_projects (year),
        duration_hours integer NOT NULL CHECK (duration_hours > 0),
        places integer NOT NULL CHECK (places > 0),
        funding_euros integer NOT NULL CHECK (funding_euros >= 0),
        priority_audiences text[] NOT NULL CHECK (priority_audiences <@ ARRAY['JOB_SEEKERS', 'YOUNG_PEOPLE', 'WOMEN',
          'PRIORITY_NEIGHBOURHOODS', 'PEOPLE_WITH_DISABILITIES', 'REFUGEES']::text[]),
        certification text,
        street_address text NOT NULL,
        postal_code text NOT NULL CHECK (postal_code ~ '^75[01][0-9]{2}$'),
        arrondissement_code smallint NOT NULL CHECK (arrondissement_code BETWEEN 1 AND 20),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        provenance text NOT NULL CHECK (${PROVENANCE})
      )`);
    await queryRunner.query('CREATE INDEX "IDX_course_arrondissement" ON course (arrondissement_code, id)');
    await queryRunner.query('CREATE INDEX "IDX_course_provider" ON course (provider_id, id)');
    await queryRunner.query('CREATE INDEX "IDX_course_year" ON course (year, id)');
    await queryRunner.query('CREATE INDEX "IDX_course_skill_domain" ON course (skill_domain)');
    await queryRunner.query('CREATE INDEX "IDX_course_audiences" ON course USING gin (priority_audiences)');
    await queryRunner.query(geoIndexSql('training', 'course'));
    await queryRunner.query(`
      CREATE TABLE cohort (
        id text PRIMARY KEY,
        course_id text NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        year smallint NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        places integer NOT NULL CHECK (places > 0),
        enrolled integer NOT NULL CHECK (enrolled >= 0),
        completed integer NOT NULL CHECK (completed >= 0 AND completed <= enrolled),
        certified integer NOT NULL CHECK (certified >= 0 AND certified <= completed),
        employed_within_6_months integer NOT NULL CHECK (employed_within_6_months >= 0),
        further_studies integer NOT NULL CHECK (further_studies >= 0),
        provenance text NOT NULL CHECK (${PROVENANCE}),
        CHECK (end_date >= start_date),
        CHECK (year = extract(year FROM start_date)),
        CHECK (employed_within_6_months + further_studies <= completed)
      )`);
    await queryRunner.query('CREATE INDEX "IDX_cohort_course" ON cohort (course_id)');
    await queryRunner.query('CREATE INDEX "IDX_cohort_year" ON cohort (year)');
    await queryRunner.query(`
      CREATE TABLE sponsor (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('COMPANY', 'FOUNDATION', 'STARTUP')),
        startup_id text CHECK (startup_id IS NULL OR kind = 'STARTUP'),
        provenance text NOT NULL CHECK (${PROVENANCE})
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_sponsor_startup" ON sponsor (startup_id) WHERE startup_id IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE sponsorship (
        sponsor_id text NOT NULL REFERENCES sponsor (id) ON DELETE CASCADE,
        course_id text NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        amount_euros integer NOT NULL CHECK (amount_euros > 0),
        year smallint NOT NULL,
        PRIMARY KEY (sponsor_id, course_id)
      )`);
    await queryRunner.query('CREATE INDEX "IDX_sponsorship_course" ON sponsorship (course_id)');
    await queryRunner.query(`
      CREATE TABLE hire (
        cohort_id text NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
        startup_id text NOT NULL,
        trainees integer NOT NULL CHECK (trainees > 0),
        PRIMARY KEY (cohort_id, startup_id)
      )`);
    await queryRunner.query('CREATE INDEX "IDX_hire_startup" ON hire (startup_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hire');
    await queryRunner.query('DROP TABLE sponsorship');
    await queryRunner.query('DROP TABLE sponsor');
    await queryRunner.query('DROP TABLE cohort');
    await queryRunner.query('DROP TABLE course');
    await queryRunner.query('DROP TABLE provider');
    await queryRunner.query('DROP TABLE call_for_projects');
  }
}
