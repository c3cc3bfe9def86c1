import type { MigrationInterface, QueryRunner } from 'typeorm';
import { geoIndexSql } from '#platform/geo';

const STREAMS = `'GLASS', 'PACKAGING_PAPER', 'CARDBOARD', 'TEXTILE', 'FOOD_WASTE', 'ELECTRONICS', 'HAZARDOUS'`;
const PROVENANCES = `'OPEN_DATA', 'REFERENCE', 'GENERATED'`;

/**
 * Stations, their containers' current state, the fill-level history and the collections. The
 * schema name comes from the connection so the same migration can build a scratch schema (tests).
 */
export class CreateWaste1764000000200 implements MigrationInterface {
  name = 'CreateWaste1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'waste';
    await queryRunner.query(`
      CREATE TABLE waste_station (
        id text PRIMARY KEY,
        name text NOT NULL,
        category text NOT NULL CHECK (category IN ('TRILIB', 'GLASS_COLUMN', 'TRI_MOBILE')),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'OUT_OF_SERVICE', 'MOVED', 'REMOVED', 'UNKNOWN')),
        address text,
        address_detail text,
        postal_code text,
        arrondissement_code smallint NOT NULL CHECK (arrondissement_code BETWEEN 1 AND 20),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        accepted_streams text[] NOT NULL CHECK (accepted_streams <@ ARRAY[${STREAMS}]),
        opening_hours text,
        schedule text,
        date_service_started timestamptz,
        dataset text NOT NULL,
        provenance text NOT NULL CHECK (provenance IN (${PROVENANCES}))
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_waste_station_arrondissement" ON waste_station (arrondissement_code, id)',
    );
    await queryRunner.query('CREATE INDEX "IDX_waste_station_dataset" ON waste_station (dataset)');
    await queryRunner.query(geoIndexSql(schema, 'waste_station'));

    await queryRunner.query(`
      CREATE TABLE waste_container (
        id text PRIMARY KEY,
        station_id text NOT NULL REFERENCES waste_station (id) ON DELETE CASCADE,
        stream text NOT NULL CHECK (stream IN (${STREAMS})),
        stored_waste_kind text[] NOT NULL,
        capacity_litres integer CHECK (capacity_litres > 0),
        model text,
        manufacturer text,
        serial_number text UNIQUE,
        filling_level double precision CHECK (filling_level BETWEEN 0 AND 1),
        date_last_filling_level timestamptz,
        date_last_emptying timestamptz,
        average_daily_filling_rate double precision CHECK (average_daily_filling_rate >= 0),
        provenance text NOT NULL CHECK (provenance IN (${PROVENANCES})),
        CHECK ((filling_level IS NULL) = (date_last_filling_level IS NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_waste_container_station" ON waste_container (station_id, stream)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_waste_container_stream_level" ON waste_container (stream, filling_level)',
    );

    await queryRunner.query(`
      CREATE TABLE filling_level_observation (
        id bigserial PRIMARY KEY,
        report_id text UNIQUE,
        container_id text NOT NULL REFERENCES waste_container (id) ON DELETE CASCADE,
        filling_level double precision NOT NULL CHECK (filling_level BETWEEN 0 AND 1),
        observed_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        provenance text NOT NULL CHECK (provenance IN (${PROVENANCES}))
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_filling_level_observation_container" ON filling_level_observation (container_id, observed_at DESC, id DESC)',
    );

    await queryRunner.query(`
      CREATE TABLE waste_collection (
        id text PRIMARY KEY,
        station_id text NOT NULL REFERENCES waste_station (id) ON DELETE CASCADE,
        stream text NOT NULL CHECK (stream IN (${STREAMS})),
        collected_at timestamptz NOT NULL,
        weight_kg double precision NOT NULL CHECK (weight_kg >= 0),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        provenance text NOT NULL CHECK (provenance IN (${PROVENANCES}))
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_waste_collection_station" ON waste_collection (station_id, collected_at DESC, id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE waste_collection');
    await queryRunner.query('DROP TABLE filling_level_observation');
    await queryRunner.query('DROP TABLE waste_container');
    await queryRunner.query('DROP TABLE waste_station');
  }
}
