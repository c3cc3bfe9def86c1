import { Directive, Field, Float, InputType, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

export const MAX_RADIUS_METERS = 50_000;

/** The description of every located node's `distanceMeters`. */
export const DISTANCE_METERS_DESCRIPTION =
  'Great-circle distance in metres from the `near` point of the list that returned it; null without `near`.';

@Directive('@shareable')
@ObjectType('Location', { description: 'A WGS 84 point.' })
export class Location {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

@InputType('NearInput', {
  description: 'Everything within `radiusMeters` (great-circle distance) of a point.',
})
export class NearInput {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field(() => Float, { description: `1 to ${MAX_RADIUS_METERS} metres.` })
  radiusMeters: number;
}

@InputType('BoundingBoxInput', {
  description: 'A WGS 84 box given by its south-west and north-east corners.',
})
export class BoundingBoxInput {
  @Field(() => Float)
  south: number;

  @Field(() => Float)
  west: number;

  @Field(() => Float)
  north: number;

  @Field(() => Float)
  east: number;
}

export function validateNear(near: NearInput): void {
  if (!(near.latitude >= -90 && near.latitude <= 90))
    throw badInput('`near.latitude` must be between -90 and 90', 'near');
  if (!(near.longitude >= -180 && near.longitude <= 180))
    throw badInput('`near.longitude` must be between -180 and 180', 'near');
  if (!(near.radiusMeters >= 1 && near.radiusMeters <= MAX_RADIUS_METERS))
    throw badInput(`\`near.radiusMeters\` must be between 1 and ${MAX_RADIUS_METERS}`, 'near');
}

/**
 * Keeps the rows within the radius. `earth_box` lets PostgreSQL use the GiST index on
 * `ll_to_earth(latitude, longitude)` that every located table has; `earth_distance` then trims
 * the box's corners to the exact great circle.
 */
export function whereNear<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  near: NearInput,
): SelectQueryBuilder<T> {
  validateNear(near);
  const point = `ll_to_earth(${alias}.latitude, ${alias}.longitude)`;
  const centre = 'll_to_earth(:nearLatitude, :nearLongitude)';
  return query
    .andWhere(`earth_box(${centre}, :nearRadius) @> ${point}`)
    .andWhere(`earth_distance(${centre}, ${point}) <= :nearRadius`, {
      nearLatitude: near.latitude,
      nearLongitude: near.longitude,
      nearRadius: near.radiusMeters,
    });
}

export function validateBox(box: BoundingBoxInput, argument = 'bbox'): void {
  const inRange =
    box.south >= -90 && box.north <= 90 && box.west >= -180 && box.east <= 180 && box.south <= box.north;
  if (!(inRange && box.west <= box.east))
    throw badInput(
      `\`${argument}\` needs south <= north and west <= east, latitudes within ±90 and longitudes within ±180`,
      argument,
    );
}

export function whereInBox<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  box: BoundingBoxInput,
  argument = 'bbox',
): SelectQueryBuilder<T> {
  validateBox(box, argument);
  return query.andWhere(
    `${alias}.latitude BETWEEN :boxSouth AND :boxNorth AND ${alias}.longitude BETWEEN :boxWest AND :boxEast`,
    { boxSouth: box.south, boxNorth: box.north, boxWest: box.west, boxEast: box.east },
  );
}

/** The great-circle distance in metres from the `near` point given to `whereNear` (same parameters). */
export function distanceSql(alias: string): string {
  return `earth_distance(ll_to_earth(:nearLatitude, :nearLongitude), ll_to_earth(${alias}.latitude, ${alias}.longitude))`;
}

/** The SQL that creates the geographic index of a located table (used by the migrations). */
export function geoIndexSql(schema: string, table: string): string {
  return `CREATE INDEX "IDX_${table}_earth" ON "${schema}"."${table}" USING gist (ll_to_earth(latitude, longitude))`;
}
