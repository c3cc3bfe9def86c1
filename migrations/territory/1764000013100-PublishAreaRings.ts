import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The boundaries territory publishes, read-only, for the other subgraphs' `within` filters: one
 * row per ring of every stored arrondissement and district polygon, as PostgreSQL's native
 * `polygon` in micro-degrees (x = longitude × 10⁶), so `point <@ polygon` tests containment without
 * PostGIS. Micro-degrees because PostgreSQL's geometry compares with an absolute tolerance (1e-6):
 * in degrees that would blur edges by up to a hundred metres. Districts
 * gain a boundary column (an approximate one where no survey is published).
 */
export class PublishAreaRings1764000013100 implements MigrationInterface {
  name = 'PublishAreaRings1764000013100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE district ADD COLUMN geometry jsonb');
    await queryRunner.query(`
      CREATE VIEW area_ring AS
      WITH area AS (
        SELECT 'arrondissement:' || code AS area, geometry FROM arrondissement WHERE geometry IS NOT NULL
        UNION ALL
        SELECT 'district:' || id, geometry FROM district WHERE geometry IS NOT NULL
      ), part AS (
        SELECT area, geometry -> 'coordinates' AS rings FROM area WHERE geometry ->> 'type' = 'Polygon'
        UNION ALL
        SELECT area, polygon FROM area, jsonb_array_elements(geometry -> 'coordinates') AS polygon
        WHERE geometry ->> 'type' = 'MultiPolygon'
      )
      SELECT part.area, ring.position > 1 AS hole,
        (SELECT ('(' || string_agg(format('(%s,%s)', (vertex ->> 0)::float8 * 1e6, (vertex ->> 1)::float8 * 1e6), ',' ORDER BY vertex_position) || ')')::polygon
           FROM jsonb_array_elements(ring.coordinates) WITH ORDINALITY AS vertices (vertex, vertex_position)) AS ring
      FROM part, jsonb_array_elements(part.rings) WITH ORDINALITY AS ring (coordinates, position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW area_ring');
    await queryRunner.query('ALTER TABLE district DROP COLUMN geometry');
  }
}
