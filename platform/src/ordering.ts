import { Field, InputType, registerEnumType } from 'type-graphql';
import { badInput } from './errors';
import { distanceSql } from './geo';
import type { OrderKey, PageOrder } from './pagination';
import { relevanceSql } from './search';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'ASC: smallest first; DESC: largest first.',
});

/** Sort keys one `orderBy` may chain (the id always ends them). */
export const MAX_ORDER_KEYS = 4;

/** The fields every located or searchable list may order by, beside its own. */
export const DISTANCE = 'DISTANCE';
export const RELEVANCE = 'RELEVANCE';

export interface OrderBy<F extends string> {
  field: F;
  direction?: OrderDirection | null;
}

/**
 * The input of one list's `orderBy: [{ field, direction }]`, e.g. `OrderByInput(BuildingOrderField,
 * 'BuildingOrder')` for `BuildingOrder { field: BuildingOrderField!, direction: OrderDirection = ASC }`.
 */
export function OrderByInput<F extends string>(fields: Record<string, F>, name: string) {
  @InputType(name, { description: 'One sort key; the id breaks the remaining ties.' })
  class Order implements OrderBy<F> {
    @Field(() => fields)
    field: F;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
    direction: OrderDirection;
  }
  return Order;
}

/** What a list may order by besides its columns: what the filter gave. */
export interface OrderContext {
  /** `near` was applied (with `whereNear`): `DISTANCE` is known and nodes get `distanceMeters`. */
  near?: boolean;
  /** `search` was applied (with `whereSearch`): `RELEVANCE` is known, and the default order. */
  search?: boolean;
}

/**
 * The page order of a list: the caller's `orderBy` over the list's columns (SQL by field), else
 * relevance when searching, else the list's usual order; always ended by the id.
 */
export function explorationOrder<T, F extends string>(
  base: PageOrder<T>,
  orderBy: OrderBy<F>[] | null | undefined,
  columns: Partial<Record<F, string>>,
  context: OrderContext = {},
): PageOrder<T> {
  const computed = context.near ? { distanceMeters: distanceSql(base.alias) } : undefined;
  const given = orderBy ?? [];
  if (given.length > MAX_ORDER_KEYS)
    throw badInput(`\`orderBy\` takes at most ${MAX_ORDER_KEYS} keys`, 'orderBy');
  const fields = given.map((key) => key.field);
  if (new Set(fields).size !== fields.length) throw badInput('`orderBy` names a field twice', 'orderBy');
  if (given.length === 0) {
    if (context.search)
      return {
        ...base,
        sort: undefined,
        keys: [{ sql: relevanceSql(base.alias), direction: 'DESC' }],
        direction: 'ASC',
        computed,
      };
    return { ...base, computed };
  }
  const keys: OrderKey[] = given.map(({ field, direction }) => {
    let sql: string | undefined = columns[field];
    if (field === DISTANCE) {
      if (!context.near) throw badInput('`orderBy` DISTANCE needs `filter.near`', 'orderBy');
      sql = distanceSql(base.alias);
    } else if (field === RELEVANCE) {
      if (!context.search) throw badInput('`orderBy` RELEVANCE needs `filter.search`', 'orderBy');
      sql = relevanceSql(base.alias);
    }
    if (!sql) throw badInput(`\`orderBy\` cannot order by ${field} here`, 'orderBy');
    return { sql, direction: direction ?? OrderDirection.ASC };
  });
  return { alias: base.alias, id: base.id, keys, direction: 'ASC', computed };
}
