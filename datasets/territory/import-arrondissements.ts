import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { inseeCode, Provenance } from '#platform/city';
import { ImportError } from '#platform/ingestion';
import type { Arrondissement } from '#territory/modules/arrondissement/arrondissement.entity';
import { ARRONDISSEMENTS, POPULATION_YEAR } from './reference';

export const ARRONDISSEMENTS_FILE = 'arrondissements.geojson';

interface Feature {
  properties?: Record<string, unknown>;
  geometry?: { type?: string; coordinates?: unknown };
}

function numberProperty(
  file: string,
  row: number,
  properties: Record<string, unknown>,
  name: string,
): number {
  const value = Number(properties[name]);
  if (properties[name] === undefined || properties[name] === null || !Number.isFinite(value)) {
    throw new ImportError(file, row, name, `expected a number, found ${JSON.stringify(properties[name])}`);
  }
  return value;
}

function textProperty(file: string, row: number, properties: Record<string, unknown>, name: string): string {
  const value = properties[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new ImportError(file, row, name, 'expected a non-empty text');
  return value.trim();
}

/**
 * Reads the Opendatasoft `arrondissements` GeoJSON export. Every feature is checked before
 * anything is written: a bad one stops the import with its row and property named.
 */
export async function readArrondissements(
  directory: string,
): Promise<{ rows: Arrondissement[]; checksum: string }> {
  const file = path.join(directory, ARRONDISSEMENTS_FILE);
  const text = await readFile(file, 'utf8');
  let collection: { type?: string; features?: Feature[] };
  try {
    collection = JSON.parse(text) as typeof collection;
  } catch (error) {
    throw new ImportError(ARRONDISSEMENTS_FILE, 0, '(file)', `not valid JSON (${(error as Error).message})`);
  }
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new ImportError(ARRONDISSEMENTS_FILE, 0, 'type', 'expected a GeoJSON FeatureCollection');
  }
  const rows = collection.features.map((feature, index): Arrondissement => {
    const row = index + 1;
    const properties = feature.properties ?? {};
    const code = numberProperty(ARRONDISSEMENTS_FILE, row, properties, 'c_ar');
    if (!Number.isInteger(code) || code < 1 || code > 20) {
      throw new ImportError(
        ARRONDISSEMENTS_FILE,
        row,
        'c_ar',
        `expected an arrondissement from 1 to 20, found ${code}`,
      );
    }
    const centroid = properties.geom_x_y as { lat?: number; lon?: number } | undefined;
    if (!centroid || !Number.isFinite(centroid.lat) || !Number.isFinite(centroid.lon)) {
      throw new ImportError(ARRONDISSEMENTS_FILE, row, 'geom_x_y', 'expected a {lat, lon} centroid');
    }
    const geometryType = feature.geometry?.type;
    if (geometryType !== 'Polygon' && geometryType !== 'MultiPolygon') {
      throw new ImportError(ARRONDISSEMENTS_FILE, row, 'geometry', 'expected a Polygon or MultiPolygon');
    }
    const reference = ARRONDISSEMENTS.find((entry) => entry.code === code);
    return Object.assign({} as Arrondissement, {
      code,
      inseeCode: String(properties.c_arinsee ?? inseeCode(code)),
      name: textProperty(ARRONDISSEMENTS_FILE, row, properties, 'l_ar'),
      officialName: textProperty(ARRONDISSEMENTS_FILE, row, properties, 'l_aroff'),
      surfaceM2: numberProperty(ARRONDISSEMENTS_FILE, row, properties, 'surface'),
      perimeterM: numberProperty(ARRONDISSEMENTS_FILE, row, properties, 'perimetre'),
      population: reference?.population ?? null,
      populationYear: reference ? POPULATION_YEAR : null,
      latitude: centroid.lat as number,
      longitude: centroid.lon as number,
      geometry: feature.geometry as Record<string, unknown>,
      provenance: Provenance.OPEN_DATA,
    });
  });
  const codes = new Set(rows.map((row) => row.code));
  if (codes.size !== rows.length)
    throw new ImportError(ARRONDISSEMENTS_FILE, 0, 'c_ar', 'an arrondissement appears twice');
  return { rows, checksum: createHash('sha256').update(text).digest('hex') };
}

export function referenceArrondissements(): Arrondissement[] {
  return ARRONDISSEMENTS.map((entry) =>
    Object.assign({} as Arrondissement, {
      code: entry.code,
      inseeCode: inseeCode(entry.code),
      name: entry.name,
      officialName: entry.officialName,
      surfaceM2: entry.surfaceM2,
      perimeterM: null,
      population: entry.population,
      populationYear: POPULATION_YEAR,
      latitude: entry.latitude,
      longitude: entry.longitude,
      geometry: null,
      provenance: Provenance.REFERENCE,
    }),
  );
}
