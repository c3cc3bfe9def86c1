import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createServiceDataSource } from './database';
import { paginate, paginateByParent, type Connection, type PageOrder } from './pagination';

@Entity({ name: 'pagination_probe' })
class Probe {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  parent: number;

  @Column({ type: 'integer' })
  rank: number;
}

let db: DataSource;
const order: PageOrder<Probe> = { alias: 'probe', id: 'id', sort: 'rank', direction: 'DESC' };

beforeAll(async () => {
  db = createServiceDataSource({
    url: inject('databaseUrl'),
    schema: 'pagination_test',
    entities: [Probe],
    migrations: [],
  });
  await db.initialize();
  await db.query('DROP SCHEMA IF EXISTS pagination_test CASCADE');
  await db.query('CREATE SCHEMA pagination_test');
  await db.query(
    'CREATE TABLE pagination_test.pagination_probe (id integer PRIMARY KEY, parent integer NOT NULL, rank integer NOT NULL)',
  );
  // 3 parents with 5, 3 and 0 children; ranks collide so ties are broken by id.
  await db.query(
    `INSERT INTO pagination_test.pagination_probe SELECT i, CASE WHEN i <= 5 THEN 1 ELSE 2 END, i % 3 FROM generate_series(1, 8) i`,
  );
});

afterAll(async () => {
  await db?.query('DROP SCHEMA IF EXISTS pagination_test CASCADE');
  await db?.destroy();
});

const all = () => db.getRepository(Probe).createQueryBuilder('probe');

describe('keyset pagination', () => {
  it('walks every row exactly once, in order, across pages', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const page: Connection<Probe> = await paginate(all(), { first: 3, after }, order);
      expect(page.totalCount).toBe(8);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = (await all().getMany())
      .sort((a, b) => b.rank - a.rank || b.id - a.id)
      .map((row) => row.id);
    expect(seen).toEqual(expected);
  });

  it('rejects bad page sizes and forged cursors with BAD_USER_INPUT', async () => {
    await expect(paginate(all(), { first: -1 }, order)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await expect(paginate(all(), { first: 101 }, order)).rejects.toThrow(/must not exceed 100/);
    await expect(paginate(all(), { after: 'not-a-cursor' }, order)).rejects.toThrow(/not a cursor/);
  });

  it('pages many parents at once, with per-parent counts and cursors', async () => {
    const [first, second, empty] = await paginateByParent(all(), 'parent', [1, 2, 3], { first: 2 }, order);
    expect(first.totalCount).toBe(5);
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.totalCount).toBe(3);
    expect(empty).toMatchObject({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    const rest = await paginateByParent(
      all(),
      'parent',
      [1],
      { first: 10, after: first.pageInfo.endCursor },
      order,
    );
    const single = await paginate(all().where('probe.parent = 1'), { first: 10 }, order);
    expect([...first.edges, ...rest[0].edges].map((edge) => edge.node.id)).toEqual(
      single.edges.map((edge) => edge.node.id),
    );
  });

  it('counts many parents alone when the rows are not wanted, and checks the arguments alike', async () => {
    const counted = await paginateByParent(all(), 'parent', [1, 2, 3], { first: 2 }, order, { rows: false });
    expect(counted.map((connection) => connection.totalCount)).toEqual([5, 3, 0]);
    expect(counted.every((connection) => connection.edges.length === 0)).toBe(true);
    await expect(
      paginateByParent(all(), 'parent', [1], { first: -1 }, order, { rows: false }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(
      paginateByParent(all(), 'parent', [1], { first: 2, after: 'not-a-cursor' }, order, { rows: false }),
    ).rejects.toThrow(/not a cursor/);
  });
});
