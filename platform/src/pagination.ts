import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
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

/** One sort key: a SQL expression over the query's alias (a column or e.g. a distance), and its direction. */
export interface OrderKey {
  sql: string;
  direction: 'ASC' | 'DESC';
}

/**
 * The order a connection is read in: sort keys (`keys`, or the single column `sort`), always
 * ended by the unique `id` so that ties keep a stable order and cursors an exact position.
 * Sort keys must never be NULL on the rows they order.
 */
export interface PageOrder<T> {
  alias: string;
  id: keyof T & string;
  sort?: keyof T & string;
  /** The direction of `sort` and of the id (with `keys`: the id's only). */
  direction?: 'ASC' | 'DESC';
  keys?: OrderKey[];
  /** Values computed per row and set on each node, SQL expressions by property (`distanceMeters`). */
  computed?: Record<string, string>;
}

interface CursorPosition {
  keys: (string | number)[];
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

/** The sort keys before the id. */
function sortKeys<T>(order: PageOrder<T>): OrderKey[] {
  if (order.keys) return order.keys;
  return order.sort ? [{ sql: `${order.alias}.${order.sort}`, direction: order.direction ?? 'ASC' }] : [];
}

function idDirection<T>(order: PageOrder<T>): 'ASC' | 'DESC' {
  return order.direction ?? order.keys?.[0]?.direction ?? 'ASC';
}

const keyAlias = (index: number) => `page_key_${index}`;
const computedAlias = (property: string) => `page_computed_${property}`;

function encodePosition(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, order: PageOrder<unknown>): CursorPosition {
  let position: CursorPosition;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPosition;
  } catch {
    throw badInput('`after` is not a cursor returned by this connection', 'after');
  }
  const isValue = (value: unknown) => typeof value === 'string' || typeof value === 'number';
  const valid =
    position !== null &&
    typeof position === 'object' &&
    isValue(position.id) &&
    Array.isArray(position.keys) &&
    position.keys.length === sortKeys(order).length &&
    position.keys.every(isValue);
  if (!valid)
    throw badInput('`after` is not a cursor returned by this connection (or another order)', 'after');
  return position;
}

/**
 * The rows after a position: a row comparison when every key runs the same way (an index can
 * serve it), else "first differing key decides" spelled out.
 */
function afterCondition(
  keys: OrderKey[],
  values: (string | number)[],
): { sql: string; parameters: ObjectLiteral } {
  const parameters: ObjectLiteral = {};
  values.forEach((value, index) => (parameters[`cursorKey${index}`] = value));
  const placeholders = values.map((_, index) => `:cursorKey${index}`);
  const comparison = (direction: 'ASC' | 'DESC') => (direction === 'ASC' ? '>' : '<');
  if (keys.every((key) => key.direction === keys[0].direction)) {
    const left = keys.map((key) => key.sql).join(', ');
    return {
      sql: `(${left}) ${comparison(keys[0].direction)} (${placeholders.join(', ')})`,
      parameters,
    };
  }
  const alternatives = keys.map((key, index) => {
    const equal = keys.slice(0, index).map((previous, at) => `${previous.sql} = ${placeholders[at]}`);
    return `(${[...equal, `${key.sql} ${comparison(key.direction)} ${placeholders[index]}`].join(' AND ')})`;
  });
  return { sql: `(${alternatives.join(' OR ')})`, parameters };
}

/** Orders the query, selects the sort keys and computed values, and keeps the rows after a cursor. */
function applyOrderAndCursor<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: PageOrder<T>,
  after: string | null | undefined,
): SelectQueryBuilder<T> {
  const keys = [...sortKeys(order), { sql: `${order.alias}.${order.id}`, direction: idDirection(order) }];
  if (after) {
    const position = decodeCursor(after, order as PageOrder<unknown>);
    const condition = afterCondition(keys, [...position.keys, position.id]);
    query.andWhere(condition.sql, condition.parameters);
  }
  query.orderBy();
  for (const key of keys) query.addOrderBy(key.sql, key.direction);
  // In parentheses: TypeORM reads a bare `alias.property` selection as that column renamed, and
  // the node would then lack it.
  sortKeys(order).forEach((key, index) => query.addSelect(`(${key.sql})`, keyAlias(index)));
  for (const [property, sql] of Object.entries(order.computed ?? {}))
    query.addSelect(`(${sql})`, computedAlias(property));
  return query;
}

/** Reads the page's rows with their sort keys (for cursors) and computed values (set on the nodes). */
async function readPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: PageOrder<T>,
): Promise<{ node: T; keys: (string | number)[] }[]> {
  const { entities, raw } = await query.getRawAndEntities<Record<string, unknown>>();
  const idColumn = query.expressionMap.mainAlias?.metadata.findColumnWithPropertyName(order.id);
  const rawId = `${order.alias}_${idColumn?.databaseName ?? order.id}`;
  const rawById = new Map(raw.map((row) => [String(row[rawId]), row]));
  return entities.map((node) => {
    const row = rawById.get(String(node[order.id])) ?? {};
    for (const property of Object.keys(order.computed ?? {})) {
      const value = row[computedAlias(property)];
      (node as Record<string, unknown>)[property] =
        value === null || value === undefined ? null : Number(value);
    }
    return { node, keys: sortKeys(order).map((_, index) => sortValue(row[keyAlias(index)])) };
  });
}

function toConnection<T>(
  rows: { node: T; keys: (string | number)[] }[],
  size: number,
  totalCount: number,
  order: PageOrder<T>,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map(({ node, keys }) => ({
    cursor: encodePosition({ keys, id: sortValue(node[order.id]) }),
    node,
  }));
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
    size === 0 ? Promise.resolve([]) : readPage(pageQuery, order),
    filtered.clone().getCount(),
  ]);
  return toConnection(rows, size, totalCount, order);
}

/** The fields of a connection that need none of its rows. */
const COUNT_FIELDS = new Set(['totalCount', '__typename']);

/**
 * Whether a connection field's selection reads its rows (`edges`, `pageInfo`…) or only
 * `totalCount`. Any other field counts as reading them, even under `@skip`/`@include`.
 */
export function selectsRows(info: GraphQLResolveInfo): boolean {
  const seen = new Set<string>();
  const reads = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return !COUNT_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return reads(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      return reads(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => reads(node.selectionSet));
}

/**
 * The same page for many parents at once (e.g. `Arrondissement.buildings(first: 3)` for 20
 * arrondissements): three statements in all, so nested connections never cost a query per parent.
 * With `rows: false` (the caller selected `totalCount` alone, see `selectsRows`) only the counts
 * are read, in one statement, and the connections carry no edges; the arguments are checked alike.
 */
export async function paginateByParent<T extends ObjectLiteral, K extends string | number>(
  filtered: SelectQueryBuilder<T>,
  parentProperty: keyof T & string,
  parents: readonly K[],
  args: PageArgs,
  order: PageOrder<T>,
  { rows: readRows = true }: { rows?: boolean } = {},
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

  let rows: { node: T; keys: (string | number)[] }[] = [];
  // Without rows, the cursor is still checked where reading them would have checked it.
  if (!readRows && size > 0 && counts.length > 0 && args.after)
    decodeCursor(args.after, order as PageOrder<unknown>);
  if (readRows && size > 0 && counts.length > 0) {
    const orderSql = [
      ...sortKeys(order),
      { sql: `${order.alias}.${order.id}`, direction: idDirection(order) },
    ]
      .map((key) => `${key.sql} ${key.direction}`)
      .join(', ');
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
      rows = await readPage(
        applyOrderAndCursor(
          filtered.clone().andWhere(`${order.alias}.${order.id} IN (:...pageIds)`, { pageIds: ids }),
          order,
          null,
        ),
        order,
      );
    }
  }
  const rowsByParent = new Map<string, { node: T; keys: (string | number)[] }[]>();
  for (const row of rows) {
    const parent = String(row.node[parentProperty]);
    rowsByParent.set(parent, [...(rowsByParent.get(parent) ?? []), row]);
  }
  return parents.map((parent) =>
    toConnection(rowsByParent.get(String(parent)) ?? [], size, totals.get(String(parent)) ?? 0, order),
  );
}
