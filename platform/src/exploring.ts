import { Field, InputType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BoundingBoxInput, NearInput, whereInBox, whereNear } from './geo';
import type { OrderContext } from './ordering';
import { whereSearch } from './search';
import { WithinInput, whereWithin } from './within';

/**
 * The place criteria every located list's filter takes (a filter class extends it); never an
 * argument itself, so it stays out of the schema.
 */
@InputType('PlaceFilter')
export class PlaceFilter {
  @Field(() => NearInput, {
    nullable: true,
    description:
      'Within a radius of a point; gives each node its `distanceMeters` and allows `orderBy: DISTANCE`.',
  })
  near?: NearInput | null;

  @Field(() => BoundingBoxInput, { nullable: true, description: 'Inside a latitude/longitude box.' })
  bbox?: BoundingBoxInput | null;

  @Field(() => WithinInput, { nullable: true })
  within?: WithinInput | null;
}

/** The exploring criteria a filter may carry: place (located lists) and words (text-bearing lists). */
export interface ExploringFilter {
  near?: NearInput | null;
  bbox?: BoundingBoxInput | null;
  within?: WithinInput | null;
  search?: string | null;
}

export const SEARCH_DESCRIPTION =
  'French full-text search: words in any form ("ecole" finds "École", "écoles"), accents and case ignored; web-search syntax ("a phrase", or, -word). Lists by relevance unless `orderBy` says otherwise.';

/**
 * Applies `near`, `bbox`, `within` and `search` to a list's query (alias over a table with
 * `latitude`/`longitude` and, for `search`, a search document), naming `filter.<field>` in errors;
 * says which orders became possible.
 */
export function whereExplored<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  filter: ExploringFilter | null | undefined,
): OrderContext {
  if (filter?.near) whereNear(query, alias, filter.near);
  if (filter?.bbox) whereInBox(query, alias, filter.bbox, 'filter.bbox');
  if (filter?.within) whereWithin(query, alias, filter.within, 'filter.within');
  const searching = filter?.search !== null && filter?.search !== undefined;
  if (searching) whereSearch(query, alias, filter.search, 'filter.search');
  return { near: Boolean(filter?.near), search: searching };
}
