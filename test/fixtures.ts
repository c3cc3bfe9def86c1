/** A Relay connection as clients receive it (JSON: cursors are strings). */
export interface Page<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface Point {
  latitude: number;
  longitude: number;
}

/** The sphere PostgreSQL's earthdistance uses (`earth()`), so tests and `near` filters agree exactly. */
export const EARTH_RADIUS_METRES = 6_378_168;

/**
 * Great-circle distance (haversine on earthdistance's sphere): the tests' independent check of the
 * database's `near` filters, computed without PostgreSQL.
 */
export function metresBetween(a: Point, b: Point): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const h =
    Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(radians(a.latitude)) *
      Math.cos(radians(b.latitude)) *
      Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h));
}
