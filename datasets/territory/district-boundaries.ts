/** Vertices of an approximate district outline: enough for a disc to read as round at city scale. */
const VERTICES = 32;

/** Mean Earth radius in metres (the sphere `earthdistance` uses too). */
const EARTH_RADIUS_M = 6_371_009;

/**
 * An approximate boundary for a district whose surveyed outline is not published as open data: a
 * disc of the district's surface around its centroid, as a closed GeoJSON Polygon. It makes
 * `within: { districtId }` answer "roughly in that neighbourhood"; the district's description
 * says it is approximate.
 */
export function approximateDistrictBoundary(district: {
  latitude: number;
  longitude: number;
  surfaceM2: number | null;
}): Record<string, unknown> | null {
  if (!district.surfaceM2) return null;
  const radius = Math.sqrt(district.surfaceM2 / Math.PI);
  const latitudeStep = (radius / EARTH_RADIUS_M) * (180 / Math.PI);
  const longitudeStep = latitudeStep / Math.cos((district.latitude * Math.PI) / 180);
  const ring = Array.from({ length: VERTICES }, (_, index) => {
    const angle = (2 * Math.PI * index) / VERTICES;
    return [
      district.longitude + longitudeStep * Math.cos(angle),
      district.latitude + latitudeStep * Math.sin(angle),
    ];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}
