import type { MigrationInterface, QueryRunner } from 'typeorm';
import { geoIndexSql } from '#platform/geo';

/**
 * Buildings, their meters and the meters' 15-minute readings. `meter_reading` is the big,
 * append-mostly table (up to ~150 M rows for a year): the unique (meter_id, observed_at) index
 * serves a meter's time ranges and latest reading, and a BRIN index on observed_at serves
 * window scans over all meters cheaply because rows arrive in time order.
 */
export class CreateEnergy1764000000200 implements MigrationInterface {
  name = 'CreateEnergy1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The schema this data source migrates: `energy`, or a scratch schema when a test migrates its own copy.
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'energy';
    await queryRunner.query(`
      CREATE TABLE building (
        id text PRIMARY KEY CHECK (id ~ '^BAT-[0-9]{2}-[0-9]{4}$'),
        name text NOT NULL,
        category text NOT NULL CHECK (category IN ('SCHOOL', 'COLLEGE', 'NURSERY', 'GYMNASIUM', 'SWIMMING_POOL',
          'LIBRARY', 'TOWN_HALL', 'OFFICES', 'MUSEUM', 'CONSERVATORY', 'SOCIAL_CENTRE', 'HOUSING')),
        owner text NOT NULL,
        street_address text NOT NULL,
        postal_code text NOT NULL CHECK (postal_code ~ '^750[0-9]{2}$'),
        arrondissement_code smallint NOT NULL CHECK (arrondissement_code BETWEEN 1 AND 20),
        district_id text,
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        floor_area_m2 double precision NOT NULL CHECK (floor_area_m2 > 0),
        construction_year smallint NOT NULL CHECK (construction_year BETWEEN 1200 AND 2100),
        energy_class text NOT NULL CHECK (energy_class IN ('A', 'B', 'C', 'D', 'E', 'F', 'G')),
        annual_consumption_kwh_per_m2 double precision NOT NULL CHECK (annual_consumption_kwh_per_m2 >= 0),
        heating_system text NOT NULL CHECK (heating_system IN ('DISTRICT_HEATING', 'GEOTHERMAL_NETWORK', 'GAS_BOILER',
          'HEAT_PUMP', 'ELECTRIC')),
        heating_supervised boolean NOT NULL,
        provenance text NOT NULL CHECK (provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED'))
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_building_arrondissement" ON building (arrondissement_code, id)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_building_district" ON building (district_id, id) WHERE district_id IS NOT NULL',
    );
    await queryRunner.query(geoIndexSql(schema, 'building'));

    await queryRunner.query(`
      CREATE TABLE meter (
        id text PRIMARY KEY,
        building_id text NOT NULL REFERENCES building (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('HEAT', 'ELECTRICITY', 'GAS', 'WATER')),
        unit text NOT NULL CHECK ((kind = 'WATER' AND unit = 'm³') OR (kind <> 'WATER' AND unit = 'kWh')),
        provenance text NOT NULL CHECK (provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED')),
        CONSTRAINT "UQ_meter_building_kind" UNIQUE (building_id, kind)
      )`);

    await queryRunner.query(`
      CREATE TABLE meter_reading (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        meter_id text NOT NULL REFERENCES meter (id) ON DELETE CASCADE,
        observed_at timestamptz NOT NULL,
        value double precision NOT NULL CHECK (value >= 0),
        power double precision CHECK (power >= 0),
        provenance text NOT NULL CHECK (provenance IN ('OPEN_DATA', 'REFERENCE', 'GENERATED')),
        CONSTRAINT "UQ_meter_reading_meter_observed_at" UNIQUE (meter_id, observed_at)
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_meter_reading_observed_at" ON meter_reading USING brin (observed_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE meter_reading');
    await queryRunner.query('DROP TABLE meter');
    await queryRunner.query('DROP TABLE building');
  }
}
