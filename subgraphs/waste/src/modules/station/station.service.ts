import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';
import { whereExplored } from '#platform/exploring';
import { withFacets } from '#platform/facets';
import { explorationOrder } from '#platform/ordering';
import {
  paginate,
  paginateByParent,
  type Connection,
  type PageArgs,
  type PageOrder,
} from '#platform/pagination';
import { WasteStation, WasteStationFacetField } from './station.entity';
import {
  DEFAULT_MAX_FILLING_LEVEL,
  WasteStationOrderField,
  type WasteStationFilter,
  type WasteStationOrder,
} from './station.input';

/** Stations are listed by arrondissement, then by id (so a district's generated stations come in their number order). */
export const STATION_ORDER: PageOrder<WasteStation> = {
  alias: 'station',
  sort: 'arrondissementCode',
  id: 'id',
};

const ORDER_COLUMNS: Partial<Record<WasteStationOrderField, string>> = {
  [WasteStationOrderField.ID]: 'station.id',
  [WasteStationOrderField.NAME]: 'station.name',
  [WasteStationOrderField.ARRONDISSEMENT]: 'station.arrondissementCode',
  [WasteStationOrderField.CATEGORY]: 'station.category',
};

/** The order a list is read in: the caller's, else by relevance when searching, else `STATION_ORDER`. */
function stationOrder(filter: WasteStationFilter, orderBy: WasteStationOrder[] | null | undefined) {
  return explorationOrder(STATION_ORDER, orderBy, ORDER_COLUMNS, {
    near: Boolean(filter.near),
    search: filter.search !== null && filter.search !== undefined,
  });
}

function validateLevel(level: number | null | undefined, argument: string): void {
  if (level === null || level === undefined) return;
  if (!(level >= 0 && level <= 1))
    throw badInput(`\`${argument}\` must be a fill level between 0 and 1 (got ${level})`, argument);
}

/** What `facets` counts, by field. */
const FACET_COLUMNS: Record<WasteStationFacetField, string> = {
  [WasteStationFacetField.CATEGORY]: 'station.category',
  [WasteStationFacetField.STATUS]: 'station.status',
  [WasteStationFacetField.ARRONDISSEMENT]: 'station.arrondissementCode',
};

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
    whereExplored(query, 'station', filter);
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

  async list(
    filter: WasteStationFilter,
    page: PageArgs,
    orderBy?: WasteStationOrder[] | null,
  ): Promise<Connection<WasteStation>> {
    const query = this.filtered(filter);
    return withFacets(await paginate(query, page, stationOrder(filter, orderBy)), query, FACET_COLUMNS);
  }

  pageByArrondissements(
    codes: readonly number[],
    filter: WasteStationFilter,
    page: PageArgs,
    orderBy?: WasteStationOrder[] | null,
  ): Promise<Connection<WasteStation>[]> {
    return paginateByParent(
      this.filtered(filter),
      'arrondissementCode',
      codes,
      page,
      stationOrder(filter, orderBy),
    );
  }

  byIds(ids: readonly string[]): Promise<WasteStation[]> {
    return this.db
      .getRepository(WasteStation)
      .createQueryBuilder('station')
      .where('station.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
