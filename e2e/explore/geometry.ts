/** Reference geometry for the tests, in plain JavaScript: what the SQL must agree with. */

export interface Polygon {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

interface Point {
  latitude: number;
  longitude: number;
}

/** PostgreSQL's `earth()` radius, the sphere `earth_distance` measures on. */
const EARTH_RADIUS_METERS = 6_378_168;

export function metresBetween(a: Point, b: Point): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLatitude = radians(b.latitude - a.latitude);
  const dLongitude = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLatitude / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Ray casting over one ring of [longitude, latitude] positions. */
function insideRing(ring: number[][], point: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    const crosses =
      yi > point.latitude !== yj > point.latitude &&
      point.longitude < ((xj - xi) * (point.latitude - yi)) / (yj - yi) + xi;
    if (crosses) inside = !inside;
  }
  return inside;
}

/** Inside a GeoJSON Polygon or MultiPolygon: in an outline and in none of its holes. */
export function insidePolygon(geometry: Polygon, point: Point): boolean {
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as number[][][][];
  return polygons.some(
    ([outline, ...holes]) => insideRing(outline, point) && !holes.some((hole) => insideRing(hole, point)),
  );
}

/** Shortest distance in metres from the point to any edge (local flat approximation, fine below a km). */
export function metresToBoundary(geometry: Polygon, point: Point): number {
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as number[][][][];
  const metresPerDegreeLatitude = (Math.PI / 180) * EARTH_RADIUS_METERS;
  const metresPerDegreeLongitude = metresPerDegreeLatitude * Math.cos((point.latitude * Math.PI) / 180);
  const flat = ([longitude, latitude]: number[]) => [
    (longitude - point.longitude) * metresPerDegreeLongitude,
    (latitude - point.latitude) * metresPerDegreeLatitude,
  ];
  let shortest = Infinity;
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i += 1) {
      const [ax, ay] = flat(ring[i - 1]);
      const [bx, by] = flat(ring[i]);
      const length = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = length === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / length));
      shortest = Math.min(shortest, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
    }
  }
  return shortest;
}
