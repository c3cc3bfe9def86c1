import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Column, Entity, ManyToOne, PrimaryColumn, type DataSource } from 'typeorm';
import { createServiceDataSource } from './database';
import { EntityRows } from './entity-rows';

@Entity({ name: 'entity_rows_probe' })
class Probe {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text' })
  parentCode: string;

  @Column({ type: 'timestamptz', nullable: true })
  observedAt: Date | null;

  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ type: 'jsonb', nullable: true })
  geometry: Record<string, unknown> | null;

  @Column({ type: 'double precision', nullable: true })
  level: number | null;

  @Column({
    type: 'numeric',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  amount: number;

  @Column({ type: 'text', select: false, nullable: true })
  secret: string | null;
}

@Entity({ name: 'entity_rows_child' })
class Child {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => Probe)
  probe: Probe;
}

let db: DataSource;

beforeAll(async () => {
  db = createServiceDataSource({
    url: inject('databaseUrl'),
    schema: 'entity_rows_test',
    entities: [Probe, Child],
    migrations: [],
  });
  await db.initialize();
  await db.query('DROP SCHEMA IF EXISTS entity_rows_test CASCADE');
  await db.query('CREATE SCHEMA entity_rows_test');
  await db.query(
    `CREATE TABLE entity_rows_test.entity_rows_probe (id integer PRIMARY KEY, parent_code text NOT NULL,
       observed_at timestamptz, tags text[] NOT NULL, geometry jsonb, level double precision,
       amount numeric NOT NULL, secret text)`,
  );
  await db.query(
    `INSERT INTO entity_rows_test.entity_rows_probe VALUES
       (1, 'a', '2026-03-01T10:00:00Z', '{x,y}', '{"type":"Point","coordinates":[2.3,48.8]}', 0.5, 12.25, 'hidden'),
       (2, 'a', NULL, '{}', NULL, NULL, 0, NULL),
       (3, 'b', '2026-03-02T11:30:00Z', '{z}', '{"type":"Polygon","coordinates":[]}', 1, 3.5, 'hidden')`,
  );
});

afterAll(async () => {
  await db?.query('DROP SCHEMA IF EXISTS entity_rows_test CASCADE');
  await db?.destroy();
});

describe('entities read with a fixed SQL text', () => {
  it('equal what the query builder’s getMany returns, values converted alike', async () => {
    const rows = EntityRows.of(db, Probe);
    const read = await rows.query(
      `SELECT ${rows.columns} FROM entity_rows_probe WHERE parent_code = ANY($1::text[]) ORDER BY id`,
      [['a', 'b']],
    );
    const built = await db.getRepository(Probe).createQueryBuilder('probe').orderBy('probe.id').getMany();
    expect(read).toEqual(built);
    expect(read[0]).toBeInstanceOf(Probe);
    expect(read[0].observedAt).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(read[0].amount).toBe(12.25);
    expect(read[0].secret).toBeUndefined();
    expect(Object.keys(read[1]).sort()).toEqual(Object.keys(built[1]).sort());
  });

  it('come alike from a row that selected more than the entity', async () => {
    const rows = EntityRows.of(db, Probe);
    const [row] = await db.query<Record<string, unknown>[]>(
      `SELECT ${rows.columns}, true AS extra FROM entity_rows_probe WHERE id = 1`,
    );
    const [read] = await rows.query(`SELECT ${rows.columns} FROM entity_rows_probe WHERE id = 1`, []);
    expect(rows.entity(row)).toEqual(read);
    expect(rows.entity(row)).not.toHaveProperty('extra');
  });

  it('are made once per entity and data source', () => {
    expect(EntityRows.of(db, Probe)).toBe(EntityRows.of(db, Probe));
  });

  it('refuse entities with relations, whose rows the query builder would shape differently', () => {
    expect(() => EntityRows.of(db, Child)).toThrow(/plain columns only/);
  });
});
