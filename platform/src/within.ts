import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from './city';
import { badInput } from './errors';

/** Positions a caller's polygon may have in all its rings: enough for any neighbourhood drawn by hand. */
export const MAX_POLYGON_POSITIONS = 10_000;

@InputType('WithinInput', {
  description:
    'Inside an area, by its real boundary: exactly one of an arrondissement, a territory district or a GeoJSON Polygon.',
})
export class WithinInput {
  @Field(() => Int, { nullable: true, description: 'An arrondissement (1–20), by its official boundary.' })
  arrondissement?: number | null;

  @Field(() => ID, { nullable: true, description: 'A territory District id, e.g. "clichy-batignolles".' })
  districtId?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'A GeoJSON Polygon (RFC 7946, WGS 84 longitude/latitude; the first ring is the outline, the others holes).',
  })
  polygon?: Record<string, unknown> | null;
}

/**
 * PostgreSQL's geometric operators compare with an absolute tolerance of 1e-6: over coordinates
 * in degrees that blurs a short edge by up to a hundred metres, so areas and points are compared
 * in micro-degrees (the view `territory.area_ring` stores them so too).
 */
const MICRODEGREES = 1e6;

/** A polygon as PostgreSQL's native `polygon` text, `((x,y),…)` in micro-degrees, x the longitude. */
type PolygonText = string;

/** A validated area: a boundary stored by the territory subgraph, or the caller's own polygon. */
export type Area =
  | { kind: 'stored'; area: string }
  | { kind: 'polygon'; outline: PolygonText; holes: PolygonText[]; box: [number, number, number, number] };

function isPosition(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    value[0] >= -180 &&
    value[0] <= 180 &&
    value[1] >= -90 &&
    value[1] <= 90
  );
}

function polygonArea(polygon: Record<string, unknown>, argument: string): Area {
  const rings = polygon.coordinates;
  const invalid = (why: string) => badInput(`\`${argument}\` must be a GeoJSON Polygon: ${why}`, argument);
  if (polygon.type !== 'Polygon') throw invalid('`type` is not "Polygon"');
  if (!Array.isArray(rings) || rings.length === 0) throw invalid('`coordinates` needs at least one ring');
  let positions = 0;
  const texts = rings.map((ring: unknown, index) => {
    if (!Array.isArray(ring) || ring.length < 4)
      throw invalid(`ring ${index} needs at least 4 positions (closed)`);
    if (!ring.every(isPosition))
      throw invalid(`ring ${index} has a position that is not [longitude, latitude] in range`);
    const [first, last] = [ring[0] as number[], ring.at(-1) as number[]];
    if (first[0] !== last[0] || first[1] !== last[1])
      throw invalid(`ring ${index} is not closed (its last position must repeat the first)`);
    positions += ring.length;
    const vertices = (ring as number[][]).map(
      ([longitude, latitude]) => `(${longitude * MICRODEGREES},${latitude * MICRODEGREES})`,
    );
    return `(${vertices.join(',')})`;
  });
  if (positions > MAX_POLYGON_POSITIONS)
    throw invalid(`at most ${MAX_POLYGON_POSITIONS} positions (got ${positions})`);
  const outline = rings[0] as number[][];
  const longitudes = outline.map((position) => position[0]);
  const latitudes = outline.map((position) => position[1]);
  return {
    kind: 'polygon',
    outline: texts[0],
    holes: texts.slice(1),
    box: [Math.min(...latitudes), Math.min(...longitudes), Math.max(...latitudes), Math.max(...longitudes)],
  };
}

/** Checks that exactly one area is given and that it is well formed. */
export function validateWithin(within: WithinInput, argument = 'within'): Area {
  const given = [within.arrondissement, within.districtId, within.polygon].filter(
    (value) => value !== null && value !== undefined,
  );
  if (given.length !== 1)
    throw badInput(`\`${argument}\` takes exactly one of arrondissement, districtId or polygon`, argument);
  if (within.arrondissement !== null && within.arrondissement !== undefined) {
    validateArrondissement(within.arrondissement, `${argument}.arrondissement`);
    return { kind: 'stored', area: `arrondissement:${within.arrondissement}` };
  }
  if (within.districtId !== null && within.districtId !== undefined) {
    const id = within.districtId.trim();
    if (!/^[a-z0-9-]{1,100}$/.test(id))
      throw badInput(
        `\`${argument}.districtId\` is not a district id (lowercase slug)`,
        `${argument}.districtId`,
      );
    return { kind: 'stored', area: `district:${id}` };
  }
  return polygonArea(within.polygon as Record<string, unknown>, `${argument}.polygon`);
}

/** Renders a value into a statement (a bind parameter, or a literal for COPY). */
export type Bind = (value: string | number) => string;

/**
 * Whether the point (latitude and longitude SQL) lies inside the area, with PostgreSQL's own
 * geometric types (`point <@ polygon`, boundary included), no PostGIS. A stored area's rings come
 * from `territory.area_ring`, the boundaries the territory subgraph publishes read-only to the
 * others; that subquery is uncorrelated, so it runs once per statement, not once per row.
 */
export function withinSql(area: Area, latitude: string, longitude: string, bind: Bind): string {
  const point = `point(${longitude} * ${MICRODEGREES}, ${latitude} * ${MICRODEGREES})`;
  if (area.kind === 'stored') {
    const name = bind(area.area);
    const rings = (hole: boolean) =>
      `ARRAY(SELECT ring FROM territory.area_ring WHERE area = ${name} AND ${hole ? '' : 'NOT '}hole)`;
    return `(${point} <@ ANY (${rings(false)}) AND NOT ${point} <@ ANY (${rings(true)}))`;
  }
  const [south, west, north, east] = area.box;
  const conditions = [
    `${latitude} BETWEEN ${bind(south)} AND ${bind(north)}`,
    `${longitude} BETWEEN ${bind(west)} AND ${bind(east)}`,
    `${point} <@ ${bind(area.outline)}::polygon`,
    ...area.holes.map((hole) => `NOT ${point} <@ ${bind(hole)}::polygon`),
  ];
  return `(${conditions.join(' AND ')})`;
}

/** Keeps the rows of a located table (latitude/longitude columns) inside the area. */
export function whereWithin<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  within: WithinInput,
  argument = 'within',
): SelectQueryBuilder<T> {
  const area = validateWithin(within, argument);
  const parameters: ObjectLiteral = {};
  const bind: Bind = (value) => {
    const name = `within${Object.keys(parameters).length}`;
    parameters[name] = value;
    return `:${name}`;
  };
  return query.andWhere(withinSql(area, `${alias}.latitude`, `${alias}.longitude`, bind), parameters);
}
