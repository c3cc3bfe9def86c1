import type { DataSource } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { EntityRows } from '#platform/entity-rows';
import { Arrondissement } from './arrondissement.entity';

export class ArrondissementService {
  constructor(private readonly db: DataSource) {}

  list(): Promise<Arrondissement[]> {
    return this.db.getRepository(Arrondissement).find({ order: { code: 'ASC' } });
  }

  /** The federation reference's lookup, on every entity fetch: one fixed statement, no query builder. */
  byCodes(codes: readonly number[]): Promise<Arrondissement[]> {
    const rows = EntityRows.of(this.db, Arrondissement);
    return rows.query(`SELECT ${rows.columns} FROM arrondissement WHERE code = ANY($1::smallint[])`, [
      [...codes],
    ]);
  }

  /** The arrondissement whose boundary contains the point (ray casting over the 20 polygons). */
  async containing(latitude: number, longitude: number): Promise<Arrondissement | null> {
    const all = await this.list();
    return (
      all.find((arrondissement) => polygonContains(arrondissement.geometry, longitude, latitude)) ?? null
    );
  }

  static validateCode(code: number): void {
    validateArrondissement(code, 'code');
  }
}

function ringContains(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygonContains(geometry: Record<string, unknown> | null, x: number, y: number): boolean {
  if (!geometry) return false;
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as number[][][]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as number[][][][])
        : [];
  return polygons.some(
    ([outer, ...holes]) => ringContains(outer, x, y) && !holes.some((hole) => ringContains(hole, x, y)),
  );
}
