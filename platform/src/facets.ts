import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import type { Connection } from './pagination';

@Directive('@shareable')
@ObjectType('FacetValue', { description: 'One value of a field and how many items of the list have it.' })
export class FacetValue {
  @Field(() => String, { nullable: true, description: 'The value as text; null for items without one.' })
  value: string | null;

  @Field(() => Int)
  count: number;
}

@Directive('@shareable')
@ObjectType('Facet', {
  description: 'Counts per value of one field, over every item the filter selects (all pages).',
})
export class Facet {
  @Field(() => String)
  field: string;

  @Field(() => [FacetValue], { description: 'Most frequent first, then by value.' })
  values: FacetValue[];
}

export const FACETS_DESCRIPTION =
  'Counts per value of each field over every item the filter selects (as Opendatasoft facets); root lists only.';

/** Where a connection's items come from: kept beside it (not in the response) for `facets`. */
const FACET_SOURCE = Symbol('facetSource');

interface FacetSource {
  query: SelectQueryBuilder<ObjectLiteral>;
  columns: Record<string, string>;
}

type Faceted<T> = Connection<T> & { [FACET_SOURCE]?: FacetSource };

/** Lets `facets` count over the filter this connection was read with (SQL expressions by field). */
export function withFacets<T extends ObjectLiteral>(
  connection: Connection<T>,
  query: SelectQueryBuilder<T>,
  columns: Record<string, string>,
): Connection<T> {
  Object.defineProperty(connection, FACET_SOURCE, {
    value: { query: query as unknown as SelectQueryBuilder<ObjectLiteral>, columns },
    // Enumerable, so that type-graphql's copy of the connection into its class keeps it (a symbol
    // never reaches the response).
    enumerable: true,
  });
  return connection;
}

export const MAX_FACET_FIELDS = 5;

/**
 * Counts per value of each field within the connection's filter, in one statement whatever the
 * fields (GROUPING SETS) and whatever the page size.
 */
export async function countFacets<T>(connection: Connection<T>, fields: string[]): Promise<Facet[]> {
  const source = (connection as Faceted<T>)[FACET_SOURCE];
  if (!source) throw badInput('`facets` are counted on the root lists only', 'fields');
  if (fields.length === 0 || fields.length > MAX_FACET_FIELDS)
    throw badInput(`\`fields\` takes 1 to ${MAX_FACET_FIELDS} fields`, 'fields');
  const unique = [...new Set(fields)];
  const expressions = unique.map((field) => {
    const sql = source.columns[field];
    if (!sql) throw badInput(`\`fields\` cannot count ${field} here`, 'fields');
    return `(${sql})::text`;
  });
  const query = source.query.clone().select([]).orderBy();
  expressions.forEach((sql, index) => query.addSelect(sql, `facet_${index}`));
  query
    .addSelect('COUNT(*)::int', 'count')
    .addSelect(`GROUPING(${expressions.join(', ')})::int`, 'grouping')
    .groupBy(`GROUPING SETS (${expressions.map((sql) => `(${sql})`).join(', ')})`);
  const rows = await query.getRawMany<Record<string, string | number | null>>();
  const all = (1 << unique.length) - 1;
  return unique.map((field, index) => {
    // GROUPING() sets a bit per expression left out of the row's set, the first expression highest.
    const bit = 1 << (unique.length - 1 - index);
    const values = rows
      .filter((row) => (Number(row.grouping) & bit) === 0 && Number(row.grouping) === (all ^ bit))
      .map((row) => ({ value: row[`facet_${index}`] as string | null, count: Number(row.count) }))
      .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
    return { field, values };
  });
}
