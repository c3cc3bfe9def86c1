import type { MigrationInterface, QueryRunner } from 'typeorm';
import { geoIndexSql } from '#platform/geo';

const ARRONDISSEMENT_CHECK = 'CHECK (arrondissement_code BETWEEN 1 AND 20)';
const PROVENANCE_CHECK = "CHECK (provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED'))";

/**
 * Paris en Compagnie: volunteers, beneficiaries and their accompaniment requests. The request row
 * carries its whole lifecycle, so accepting it is one conditional UPDATE (exactly one volunteer
 * wins) and the CHECK below keeps status and timestamps consistent whatever code writes them.
 */
export class CreateMobility1764000000200 implements MigrationInterface {
  name = 'CreateMobility1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The schema comes from the connection so that tests can migrate a scratch copy.
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'mobility';
    // A volunteer's home coordinates are not kept: the service only needs the area they cover.
    await queryRunner.query(`
      CREATE TABLE volunteer (
        id text PRIMARY KEY,
        given_name text NOT NULL,
        family_name text NOT NULL,
        phone text NOT NULL,
        email text NOT NULL UNIQUE,
        arrondissement_code smallint NOT NULL ${ARRONDISSEMENT_CHECK},
        joined_at timestamptz NOT NULL,
        active boolean NOT NULL DEFAULT true,
        provenance text ${PROVENANCE_CHECK}
      )`);
    await queryRunner.query(`
      CREATE TABLE beneficiary (
        id text PRIMARY KEY,
        given_name text NOT NULL,
        family_name text NOT NULL,
        phone text NOT NULL,
        street_address text NOT NULL,
        postal_code text NOT NULL CHECK (postal_code ~ '^75(0(0[1-9]|1[0-9]|20)|116)$'),
        arrondissement_code smallint NOT NULL ${ARRONDISSEMENT_CHECK},
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        birth_year smallint NOT NULL CHECK (birth_year BETWEEN 1900 AND 2010),
        mobility_aid text NOT NULL CHECK (mobility_aid IN ('NONE', 'CANE', 'WALKER', 'WHEELCHAIR')),
        registered_at timestamptz NOT NULL,
        provenance text ${PROVENANCE_CHECK}
      )`);
    await queryRunner.query('CREATE SEQUENCE accompaniment_request_number');
    // latitude/longitude hold the pickup point snapped to a ~200 m grid (what volunteers see and
    // what `near` searches); the exact point is kept apart, for operators and the assigned volunteer.
    await queryRunner.query(`
      CREATE TABLE accompaniment_request (
        id text PRIMARY KEY,
        client_request_id text UNIQUE,
        beneficiary_id text NOT NULL REFERENCES beneficiary (id),
        volunteer_id text REFERENCES volunteer (id),
        status text NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
        purpose text NOT NULL CHECK (purpose IN ('MEDICAL_APPOINTMENT', 'SHOPPING', 'WALK', 'ADMINISTRATIVE',
          'CULTURE', 'SOCIAL_ACTIVITY', 'OTHER')),
        transport_mode text NOT NULL CHECK (transport_mode IN ('WALK', 'PUBLIC_TRANSPORT')),
        requested_for timestamptz NOT NULL,
        duration_minutes smallint NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
        arrondissement_code smallint NOT NULL ${ARRONDISSEMENT_CHECK},
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        exact_latitude double precision NOT NULL,
        exact_longitude double precision NOT NULL,
        created_at timestamptz NOT NULL,
        accepted_at timestamptz,
        started_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        cancellation_reason text CHECK (cancellation_reason IN ('BENEFICIARY_REQUEST', 'NO_VOLUNTEER_AVAILABLE',
          'VOLUNTEER_UNAVAILABLE', 'HEALTH', 'OTHER')),
        provenance text ${PROVENANCE_CHECK},
        CHECK ((volunteer_id IS NULL) = (accepted_at IS NULL)),
        CHECK (accepted_at >= created_at AND started_at >= accepted_at AND completed_at >= started_at),
        CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL)),
        CHECK (CASE status
          WHEN 'OPEN' THEN accepted_at IS NULL AND started_at IS NULL AND completed_at IS NULL AND cancelled_at IS NULL
          WHEN 'ACCEPTED' THEN accepted_at IS NOT NULL AND started_at IS NULL AND completed_at IS NULL AND cancelled_at IS NULL
          WHEN 'IN_PROGRESS' THEN accepted_at IS NOT NULL AND started_at IS NOT NULL AND completed_at IS NULL
            AND cancelled_at IS NULL
          WHEN 'COMPLETED' THEN accepted_at IS NOT NULL AND started_at IS NOT NULL AND completed_at IS NOT NULL
            AND cancelled_at IS NULL
          WHEN 'CANCELLED' THEN cancelled_at IS NOT NULL AND completed_at IS NULL
        END)
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_volunteer_arrondissement" ON volunteer (arrondissement_code, id)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_beneficiary_arrondissement" ON beneficiary (arrondissement_code, id)',
    );
    await queryRunner.query(geoIndexSql(schema, 'beneficiary'));
    await queryRunner.query(
      'CREATE INDEX "IDX_request_requested_for" ON accompaniment_request (requested_for, id)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_request_arrondissement" ON accompaniment_request (arrondissement_code, requested_for)',
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_open" ON accompaniment_request (requested_for, id) WHERE status = 'OPEN'`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_request_volunteer" ON accompaniment_request (volunteer_id, requested_for)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_request_beneficiary" ON accompaniment_request (beneficiary_id)',
    );
    await queryRunner.query(geoIndexSql(schema, 'accompaniment_request'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE accompaniment_request');
    await queryRunner.query('DROP SEQUENCE accompaniment_request_number');
    await queryRunner.query('DROP TABLE beneficiary');
    await queryRunner.query('DROP TABLE volunteer');
  }
}
