import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '../../../../../platform/src/city';
import { whereNear } from '../../../../../platform/src/geo';
import {
  paginate,
  paginateByParent,
  type Connection,
  type PageOrder,
} from '../../../../../platform/src/pagination';
import { Building } from './building.entity';
import {
  BuildingOrder,
  type BuildingCriteria,
  type BuildingFilter,
  type BuildingsArgs,
  type PlaceBuildingsArgs,
} from './building.input';

const ALIAS = 'building';

/** Every order ends on the id, so pages are stable; the sorted columns are NOT NULL as keyset cursors need. */
function pageOrder(orderBy: BuildingOrder | undefined): PageOrder<Building> {
  switch (orderBy) {
    case BuildingOrder.CONSUMPTION_INTENSITY:
      return { alias: ALIAS, id: 'id', sort: 'annualConsumptionKwhPerM2', direction: 'DESC' };
    case BuildingOrder.FLOOR_AREA:
      return { alias: ALIAS, id: 'id', sort: 'floorAreaM2', direction: 'DESC' };
    default:
      return { alias: ALIAS, id: 'id' };
  }
}

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
    return query;
  }

  private filtered(filter: BuildingFilter | null | undefined): SelectQueryBuilder<Building> {
    validateArrondissement(filter?.arrondissement);
    const query = this.matching(filter);
    if (filter?.arrondissement)
      query.andWhere(`${ALIAS}.arrondissementCode = :code`, { code: filter.arrondissement });
    if (filter?.districtId)
      query.andWhere(`${ALIAS}.districtId = :districtId`, { districtId: filter.districtId });
    if (filter?.near) whereNear(query, ALIAS, filter.near);
    return query;
  }

  list(args: BuildingsArgs): Promise<Connection<Building>> {
    return paginate(this.filtered(args.filter), args, pageOrder(args.orderBy));
  }

  byIds(ids: readonly string[]): Promise<Building[]> {
    return this.query()
      .where(`${ALIAS}.id IN (:...ids)`, { ids: [...ids] })
      .getMany();
  }

  /** One page per arrondissement, for all the requested arrondissements at once. */
  pageByArrondissement(codes: readonly number[], args: PlaceBuildingsArgs): Promise<Connection<Building>[]> {
    return paginateByParent(
      this.matching(args.filter),
      'arrondissementCode',
      codes,
      args,
      pageOrder(args.orderBy),
    );
  }

  pageByDistrict(ids: readonly string[], args: PlaceBuildingsArgs): Promise<Connection<Building>[]> {
    return paginateByParent(this.matching(args.filter), 'districtId', ids, args, pageOrder(args.orderBy));
  }
}
