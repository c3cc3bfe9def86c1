import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { whereExplored } from '#platform/exploring';
import { withFacets } from '#platform/facets';
import { explorationOrder, type OrderContext } from '#platform/ordering';
import { whereSearch } from '#platform/search';
import { paginate, paginateByParent, type Connection, type PageOrder } from '#platform/pagination';
import { Building, BuildingFacetField } from './building.entity';
import {
  BuildingOrderField,
  type BuildingCriteria,
  type BuildingOrder,
  type BuildingFilter,
  type BuildingsArgs,
  type PlaceBuildingsArgs,
} from './building.input';

const ALIAS = 'building';

const ORDER_COLUMNS: Partial<Record<BuildingOrderField, string>> = {
  [BuildingOrderField.ID]: `${ALIAS}.id`,
  [BuildingOrderField.NAME]: `${ALIAS}.name`,
  [BuildingOrderField.ARRONDISSEMENT]: `${ALIAS}.arrondissementCode`,
  [BuildingOrderField.CONSUMPTION_INTENSITY]: `${ALIAS}.annualConsumptionKwhPerM2`,
  [BuildingOrderField.FLOOR_AREA]: `${ALIAS}.floorAreaM2`,
  [BuildingOrderField.CONSTRUCTION_YEAR]: `${ALIAS}.constructionYear`,
  [BuildingOrderField.ENERGY_CLASS]: `${ALIAS}.energyClass`,
};

/** By id unless the caller orders otherwise (relevance first when searching); the id ends every order. */
function pageOrder(orderBy: BuildingOrder[] | null | undefined, context: OrderContext): PageOrder<Building> {
  return explorationOrder({ alias: ALIAS, id: 'id' }, orderBy, ORDER_COLUMNS, context);
}

function orderContext(filter: (BuildingCriteria & Partial<BuildingFilter>) | null | undefined): OrderContext {
  return { near: Boolean(filter?.near), search: filter?.search !== null && filter?.search !== undefined };
}

/** What `facets` counts, by field. */
const FACET_COLUMNS: Record<BuildingFacetField, string> = {
  [BuildingFacetField.CATEGORY]: 'building.category',
  [BuildingFacetField.ENERGY_CLASS]: 'building.energyClass',
  [BuildingFacetField.HEATING_SYSTEM]: 'building.heatingSystem',
  [BuildingFacetField.SUPERVISED]: 'building.heatingSupervised',
  [BuildingFacetField.ARRONDISSEMENT]: 'building.arrondissementCode',
};

export class BuildingService {
  constructor(private readonly db: DataSource) {}

  private query(): SelectQueryBuilder<Building> {
    return this.db.getRepository(Building).createQueryBuilder(ALIAS);
  }

  /** The buildings matching the criteria (lists empty or absent allow anything). */
  private matching(criteria: BuildingCriteria | null | undefined): SelectQueryBuilder<Building> {
    const query = this.query();
    if (criteria?.category?.length)
      query.andWhere(`${ALIAS}.category IN (:...categories)`, { categories: criteria.category });
    if (criteria?.energyClass?.length)
      query.andWhere(`${ALIAS}.energyClass IN (:...classes)`, { classes: criteria.energyClass });
    if (criteria?.heatingSystem?.length)
      query.andWhere(`${ALIAS}.heatingSystem IN (:...systems)`, { systems: criteria.heatingSystem });
    if (criteria?.supervised !== null && criteria?.supervised !== undefined)
      query.andWhere(`${ALIAS}.heatingSupervised = :supervised`, { supervised: criteria.supervised });
    whereSearch(query, ALIAS, criteria?.search);
    return query;
  }

  private filtered(filter: BuildingFilter | null | undefined): SelectQueryBuilder<Building> {
    validateArrondissement(filter?.arrondissement);
    const query = this.matching(filter);
    if (filter?.arrondissement)
      query.andWhere(`${ALIAS}.arrondissementCode = :code`, { code: filter.arrondissement });
    if (filter?.districtId)
      query.andWhere(`${ALIAS}.districtId = :districtId`, { districtId: filter.districtId });
    whereExplored(query, ALIAS, { near: filter?.near, bbox: filter?.bbox, within: filter?.within });
    return query;
  }

  async list(args: BuildingsArgs): Promise<Connection<Building>> {
    const query = this.filtered(args.filter);
    const order = pageOrder(args.orderBy, orderContext(args.filter));
    return withFacets(await paginate(query, args, order), query, FACET_COLUMNS);
  }

  byIds(ids: readonly string[]): Promise<Building[]> {
    return this.query()
      .where(`${ALIAS}.id IN (:...ids)`, { ids: [...ids] })
      .getMany();
  }

  /** One page per arrondissement, for all the requested arrondissements at once (the counts alone without `rows`). */
  pageByArrondissement(
    codes: readonly number[],
    args: PlaceBuildingsArgs,
    rows: boolean,
  ): Promise<Connection<Building>[]> {
    return paginateByParent(
      this.matching(args.filter),
      'arrondissementCode',
      codes,
      args,
      pageOrder(args.orderBy, orderContext(args.filter)),
      { rows },
    );
  }

  /** One page per district; the counts alone without `rows`. */
  pageByDistrict(
    ids: readonly string[],
    args: PlaceBuildingsArgs,
    rows: boolean,
  ): Promise<Connection<Building>[]> {
    return paginateByParent(
      this.matching(args.filter),
      'districtId',
      ids,
      args,
      pageOrder(args.orderBy, orderContext(args.filter)),
      { rows },
    );
  }
}
