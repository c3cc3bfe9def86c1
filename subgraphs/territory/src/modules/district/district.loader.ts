import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { District } from './district.entity';
import { DistrictService } from './district.service';

export function districtById(context: BaseContext) {
  return context.loaders.get<string, District | null>('districtById', async (ids) =>
    byKeys(ids, await new DistrictService(context.db).byIds(ids), (row) => row.id),
  );
}

export function districtsByArrondissement(context: BaseContext) {
  return context.loaders.get<number, District[]>('districtsByArrondissement', async (codes) =>
    groupByKeys(
      codes,
      await new DistrictService(context.db).byArrondissements(codes),
      (row) => row.arrondissementCode,
    ),
  );
}
