import { byKeys, type BaseContext } from '#platform/context';
import type { Connection } from '#platform/pagination';
import type { Building } from './building.entity';
import type { PlaceBuildingsArgs } from './building.input';
import { BuildingService } from './building.service';

/** Buildings by id, batched per request (federation `_entities`, `Meter.building`). */
export function buildingById(context: BaseContext) {
  return context.loaders.get<string, Building | null>('buildingById', async (ids) =>
    byKeys(ids, await new BuildingService(context.db).byIds(ids), (row) => row.id),
  );
}

/**
 * `Arrondissement.buildings`: one batch for every arrondissement asked with the same arguments;
 * `rows: false` counts only.
 */
export function buildingsByArrondissement(context: BaseContext, args: PlaceBuildingsArgs, rows: boolean) {
  return context.loaders.get<number, Connection<Building>>(
    'buildingsByArrondissement',
    (codes) => new BuildingService(context.db).pageByArrondissement(codes, args, rows),
    { args, rows },
  );
}

export function buildingsByDistrict(context: BaseContext, args: PlaceBuildingsArgs, rows: boolean) {
  return context.loaders.get<string, Connection<Building>>(
    'buildingsByDistrict',
    (ids) => new BuildingService(context.db).pageByDistrict(ids, args, rows),
    { args, rows },
  );
}
