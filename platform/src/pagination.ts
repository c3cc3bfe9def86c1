import { ArgsType, Field, Int, ObjectType, Directive, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@Directive('@shareable')
@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return (0–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/**
 * A Relay connection type for a node type: `<Node>Connection { totalCount edges { cursor node } pageInfo }`.
 * Use as `@ObjectType() class BuildingConnection extends ConnectionType(Building) {}`.
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, nodeName = nodeType.name) {
  @ObjectType(`${nodeName}Edge`)
  class NodeEdge implements Edge<T> {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  // type-graphql inherits fields only from a registered object type; as no field returns this base
  // type, it never appears in the schema itself.
  @ObjectType(`${nodeName}ConnectionBase`)
  abstract class NodeConnection implements Connection<T> {
    @Field(() => Int, { description: 'How many items match the filter, over all pages.' })
    totalCount: number;

    @Field(() => [NodeEdge])
    edges: NodeEdge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return NodeConnection;
}

/** The order a connection is read in: a unique key, optionally after a (non-null) sort column. */
export interface PageOrder<T> {
  alias: string;
  id: keyof T & string;
  sort?: keyof T & string;
  direction?: 'ASC' | 'DESC';
}

interface CursorPosition {
  sort?: string | number;
  id: string | number;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0)
    throw badInput('`first` must be zero or a positive integer', 'first');
  if (first > MAX_PAGE_SIZE) throw badInput(`\`first\` must not exceed ${MAX_PAGE_SIZE}`, 'first');
  return first;
}

function sortValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

export function encodeCursor<T>(row: T, order: PageOrder<T>): string {
  const position: CursorPosition = { id: sortValue(row[order.id]) };
  if (order.sort) position.sort = sortValue(row[order.sort]);
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, order: PageOrder<unknown>): CursorPosition {
  let position: CursorPosition;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPosition;
  } catch {
    throw badInput('`after` is not a cursor returned by this connection', 'after');
  }
  const valid =
    position !== null &&
    typeof position === 'object' &&
    (typeof position.id === 'string' || typeof position.id === 'number') &&
    (!order.sort || typeof position.sort === 'string' || typeof position.sort === 'number');
  if (!valid) throw badInput('`after` is not a cursor returned by this connection', 'after');
  return position;
}

/** Orders the query and, after a cursor, keeps only the rows that follow it (keyset pagination). */
function applyOrderAndCursor<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: PageOrder<T>,
  after: string | null | undefined,
): SelectQueryBuilder<T> {
  const direction = order.direction ?? 'ASC';
  const key = order.sort
    ? `(${order.alias}.${order.sort}, ${order.alias}.${order.id})`
    : `${order.alias}.${order.id}`;
  if (after) {
    const position = decodeCursor(after, order as PageOrder<unknown>);
    const comparison = direction === 'ASC' ? '>' : '<';
    const bound = order.sort ? '(:cursorSort, :cursorId)' : ':cursorId';
    query.andWhere(`${key} ${comparison} ${bound}`, { cursorSort: position.sort, cursorId: position.id });
  }
  if (order.sort)
    query
      .orderBy(`${order.alias}.${order.sort}`, direction)
      .addOrderBy(`${order.alias}.${order.id}`, direction);
  else query.orderBy(`${order.alias}.${order.id}`, direction);
  return query;
}

function toConnection<T>(rows: T[], size: number, totalCount: number, order: PageOrder<T>): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(node, order), node }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** One page of a filtered query: two statements (the page and its count), whatever the page size. */
export async function paginate<T extends ObjectLiteral>(
  filtered: SelectQueryBuilder<T>,
  args: PageArgs,
  order: PageOrder<T>,
): Promise<Connection<T>> {
  const size = pageSize(args.first);
  const pageQuery = applyOrderAndCursor(filtered.clone(), order, args.after).take(size + 1);
  const [rows, totalCount] = await Promise.all([
    size === 0 ? Promise.resolve([] as T[]) : pageQuery.getMany(),
    filtered.clone().getCount(),
  ]);
  return toConnection(rows, size, totalCount, order);
}

/**
 * The same page for many parents at once (e.g. `Arrondissement.buildings(first: 3)` for 20
 * arrondissements): three statements in all, so nested connections never cost a query per parent.
 */
export async function paginateByParent<T extends ObjectLiteral, K extends string | number>(
  filtered: SelectQueryBuilder<T>,
  parentProperty: keyof T & string,
  parents: readonly K[],
  args: PageArgs,
  order: PageOrder<T>,
): Promise<Connection<T>[]> {
  const size = pageSize(args.first);
  const parentColumn = `${order.alias}.${parentProperty}`;
  const scoped = filtered.clone().andWhere(`${parentColumn} IN (:...parents)`, { parents: [...parents] });
  const counts = await scoped
    .clone()
    .select(parentColumn, 'parent')
    .addSelect('COUNT(*)::int', 'total')
    .groupBy(parentColumn)
    .getRawMany<{ parent: K; total: number }>();
  const totals = new Map(counts.map((row) => [String(row.parent), row.total]));

  let rows: T[] = [];
  if (size > 0 && counts.length > 0) {
    const direction = order.direction ?? 'ASC';
    const orderSql = order.sort
      ? `${order.alias}.${order.sort} ${direction}, ${order.alias}.${order.id} ${direction}`
      : `${order.alias}.${order.id} ${direction}`;
    const ranked = applyOrderAndCursor(scoped.clone(), order, args.after)
      .orderBy()
      .select(`${order.alias}.${order.id}`, 'id')
      .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${parentColumn} ORDER BY ${orderSql})`, 'rank');
    const [rankedSql, rankedParameters] = ranked.getQueryAndParameters();
    const limitParameter = `$${rankedParameters.length + 1}`;
    const ids = (
      await filtered.connection.query<{ id: string | number }[]>(
        `SELECT id FROM (${rankedSql}) AS ranked WHERE rank <= ${limitParameter}`,
        [...rankedParameters, size + 1],
      )
    ).map((row) => row.id);
    if (ids.length > 0) {
      rows = await applyOrderAndCursor(
        filtered.clone().andWhere(`${order.alias}.${order.id} IN (:...pageIds)`, { pageIds: ids }),
        order,
        null,
      ).getMany();
    }
  }
  const rowsByParent = new Map<string, T[]>();
  for (const row of rows) {
    const parent = String(row[parentProperty]);
    rowsByParent.set(parent, [...(rowsByParent.get(parent) ?? []), row]);
  }
  return parents.map((parent) =>
    toConnection(rowsByParent.get(String(parent)) ?? [], size, totals.get(String(parent)) ?? 0, order),
  );
}
