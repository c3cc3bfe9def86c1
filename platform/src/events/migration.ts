import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable, ordered event log of a service schema: every change a subscription exposes is
 * appended here in the transaction of the change, so the log (not the broker) is the source of
 * truth a reader resumes from. `position` is the public `eventId`; `event_id` is the producer's
 * idempotency key (a replayed ingestion appends nothing twice). `event_log_pruned` remembers how
 * far retention has deleted, which tells an expired resume point from a merely quiet stream.
 * Goes in the migration list of every subgraph that publishes events, after the dataset ledger.
 */
export class CreateEventLog1764000000001 implements MigrationInterface {
  name = 'CreateEventLog1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE event_log (
        position bigserial PRIMARY KEY,
        stream text NOT NULL,
        event_id text NOT NULL UNIQUE DEFAULT gen_random_uuid()::text,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX event_log_stream_position ON event_log (stream, position)');
    await queryRunner.query('CREATE INDEX event_log_created_at ON event_log (created_at)');
    await queryRunner.query(`
      CREATE TABLE event_log_pruned (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        pruned_through bigint NOT NULL
      )`);
    await queryRunner.query('INSERT INTO event_log_pruned (pruned_through) VALUES (0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE event_log_pruned');
    await queryRunner.query('DROP TABLE event_log');
  }
}
