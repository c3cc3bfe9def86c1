/**
 * Identifier conventions shared by the generators of different subgraphs, so that references
 * across services (a budget project renovating a building, a start-up sponsoring a course) point
 * at rows that exist whatever the scale. Each owner guarantees the minimum counts below.
 */
export const MIN_BUILDINGS_PER_ARRONDISSEMENT = 10;
export const MIN_STATIONS_PER_ARRONDISSEMENT = 10;
export const MIN_STARTUPS = 60;

/** `BAT-17-0042`: the 42nd public building of the 17th. */
export function buildingId(arrondissement: number, index: number): string {
  return `BAT-${String(arrondissement).padStart(2, '0')}-${String(index).padStart(4, '0')}`;
}

/** `TRILIB-13-0007`: the 7th generated Trilib' station of the 13th. */
export function wasteStationId(arrondissement: number, index: number): string {
  return `TRILIB-${String(arrondissement).padStart(2, '0')}-${String(index).padStart(4, '0')}`;
}

/** `startup-007`. */
export function startupId(index: number): string {
  return `startup-${String(index).padStart(3, '0')}`;
}
