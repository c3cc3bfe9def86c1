import { groupByKeys, type BaseContext } from '#platform/context';
import type { CityFigure } from './city-figure.entity';
import { CityFigureService } from './city-figure.service';

export function figuresByCity(context: BaseContext) {
  return context.loaders.get<string, CityFigure[]>('figuresByCity', async (cityIds) =>
    groupByKeys(cityIds, await new CityFigureService(context.db).byCities(cityIds), (row) => row.cityId),
  );
}
