import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys (only their SHA-256 is stored) and the rate-limit counters every gateway replica shares. */
export class CreateGatewaySecurity1764000001000 implements MigrationInterface {
  name = 'CreateGatewaySecurity1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_hash bytea NOT NULL UNIQUE,
        label text NOT NULL,
        role text NOT NULL CHECK (role IN ('public', 'researcher', 'operator', 'volunteer', 'sensor')),
        tier text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    // rate-limiter-flexible's RateLimiterPostgres table (its own DDL, versioned here): `expire` is epoch ms.
    await queryRunner.query(`
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await queryRunner.query('CREATE INDEX "IDX_rate_limit_expire" ON rate_limit (expire)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rate_limit');
    await queryRunner.query('DROP TABLE api_key');
  }
}
