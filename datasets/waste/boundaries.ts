import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '#platform/ingestion';

export const BOUNDARIES_FILE = 'arrondissements.geojson';

type Ring = number[][];
type Polygon = Ring[];

/** Ray casting: whether (x, y) lies inside a closed ring. */
function ringContains(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Which arrondissement a point is in, from the official boundaries. */
export class ArrondissementBoundaries {
  constructor(private readonly polygons: { code: number; polygons: Polygon[] }[]) {}

  locate(latitude: number, longitude: number): number | null {
    const found = this.polygons.find(({ polygons }) =>
      polygons.some(
        ([outer, ...holes]) =>
          ringContains(outer, longitude, latitude) &&
          !holes.some((hole) => ringContains(hole, longitude, latitude)),
      ),
    );
    return found?.code ?? null;
  }
}

/**
 * The boundaries in the `arrondissements` export beside the waste files, used to place the glass
 * columns whose export gives no arrondissement. Null when the folder has no such file.
 */
export async function readBoundaries(directory: string): Promise<ArrondissementBoundaries | null> {
  const file = path.join(directory, BOUNDARIES_FILE);
  if (!existsSync(file)) return null;
  let collection: {
    features?: { properties?: { c_ar?: unknown }; geometry?: { type?: string; coordinates?: unknown } }[];
  };
  try {
    collection = JSON.parse(await readFile(file, 'utf8')) as typeof collection;
  } catch (error) {
    throw new ImportError(
      BOUNDARIES_FILE,
      0,
      '(JSON syntax)',
      `not valid JSON (${(error as Error).message})`,
    );
  }
  if (!Array.isArray(collection.features))
    throw new ImportError(BOUNDARIES_FILE, 0, 'features', 'expected a FeatureCollection');
  return new ArrondissementBoundaries(
    collection.features.map((feature, index) => {
      const code = Number(feature.properties?.c_ar);
      if (!Number.isInteger(code) || code < 1 || code > 20) {
        throw new ImportError(BOUNDARIES_FILE, index + 1, 'c_ar', 'expected an arrondissement from 1 to 20');
      }
      const geometry = feature.geometry;
      if (geometry?.type === 'Polygon') return { code, polygons: [geometry.coordinates as Polygon] };
      if (geometry?.type === 'MultiPolygon') return { code, polygons: geometry.coordinates as Polygon[] };
      throw new ImportError(BOUNDARIES_FILE, index + 1, 'geometry', 'expected a Polygon or MultiPolygon');
    }),
  );
}
