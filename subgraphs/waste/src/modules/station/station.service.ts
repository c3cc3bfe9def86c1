import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '../../../../../platform/src/city';
import { badInput } from '../../../../../platform/src/errors';
import { whereNear } from '../../../../../platform/src/geo';
import {
  paginate,
  paginateByParent,
  type Connection,
  type PageArgs,
  type PageOrder,
} from '../../../../../platform/src/pagination';
import { WasteStation } from './station.entity';
import { DEFAULT_MAX_FILLING_LEVEL, type WasteStationFilter } from './station.input';

/** Stations are listed by arrondissement, then by id (so a district's generated stations come in their number order). */
export const STATION_ORDER: PageOrder<WasteStation> = {
  alias: 'station',
  sort: 'arrondissementCode',
  id: 'id',
};

function validateLevel(level: number | null | undefined, argument: string): void {
  if (level === null || level === undefined) return;
  if (!(level >= 0 && level <= 1))
    throw badInput(`\`${argument}\` must be a fill level between 0 and 1 (got ${level})`, argument);
}

export class StationService {
  constructor(private readonly db: DataSource) {}

  /** The stations matching a filter, unordered: the base of both root and per-arrondissement pages. */
  filtered(filter: WasteStationFilter = {}): SelectQueryBuilder<WasteStation> {
    validateArrondissement(filter.arrondissement, 'filter.arrondissement');
    validateLevel(filter.maxFillingLevel, 'filter.maxFillingLevel');
    validateLevel(filter.minFillingLevel, 'filter.minFillingLevel');
    const query = this.db.getRepository(WasteStation).createQueryBuilder('station');
    if (filter.arrondissement)
      query.andWhere('station.arrondissementCode = :arrondissement', {
        arrondissement: filter.arrondissement,
      });
    if (filter.near) whereNear(query, 'station', filter.near);
    if (filter.category) query.andWhere('station.category = :category', { category: filter.category });
    if (filter.status) query.andWhere('station.status = :status', { status: filter.status });
    if (filter.accepts)
      query.andWhere(':accepts = ANY(station.acceptedStreams)', { accepts: filter.accepts });
    if (filter.hasCapacityFor) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM waste_container spare WHERE spare.station_id = station.id
           AND spare.stream = :capacityStream AND spare.filling_level <= :capacityLevel)`,
        {
          capacityStream: filter.hasCapacityFor,
          capacityLevel: filter.maxFillingLevel ?? DEFAULT_MAX_FILLING_LEVEL,
        },
      );
    } else if (filter.maxFillingLevel !== null && filter.maxFillingLevel !== undefined) {
      query
        .andWhere(
          'EXISTS (SELECT 1 FROM waste_container known WHERE known.station_id = station.id AND known.filling_level IS NOT NULL)',
        )
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM waste_container fuller WHERE fuller.station_id = station.id AND fuller.filling_level > :maxLevel)',
          { maxLevel: filter.maxFillingLevel },
        );
    }
    if (filter.minFillingLevel !== null && filter.minFillingLevel !== undefined) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM waste_container filled WHERE filled.station_id = station.id AND filled.filling_level >= :minLevel)',
        { minLevel: filter.minFillingLevel },
      );
    }
    return query;
  }

  list(filter: WasteStationFilter, page: PageArgs): Promise<Connection<WasteStation>> {
    return paginate(this.filtered(filter), page, STATION_ORDER);
  }

  pageByArrondissements(
    codes: readonly number[],
    filter: WasteStationFilter,
    page: PageArgs,
  ): Promise<Connection<WasteStation>[]> {
    return paginateByParent(this.filtered(filter), 'arrondissementCode', codes, page, STATION_ORDER);
  }

  byIds(ids: readonly string[]): Promise<WasteStation[]> {
    return this.db
      .getRepository(WasteStation)
      .createQueryBuilder('station')
      .where('station.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
