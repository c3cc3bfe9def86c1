import { byKeys, type BaseContext } from '#platform/context';
import type { City } from './city.entity';
import { CityService } from './city.service';

export function cityById(context: BaseContext) {
  return context.loaders.get<string, City | null>('cityById', async (ids) =>
    byKeys(ids, await new CityService(context.db).byIds(ids), (row) => row.id),
  );
}
