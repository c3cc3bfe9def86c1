import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';
import { whereExplored } from '#platform/exploring';
import { withFacets } from '#platform/facets';
import { explorationOrder } from '#platform/ordering';
import { paginate, type Connection, type PageArgs, type PageOrder } from '#platform/pagination';
import { Startup, StartupFacetField } from './startup.entity';
import { StartupOrderField, type StartupFilter, type StartupOrder } from './startup.input';

/** Alphabetical, the order of a directory; the id breaks ties between homonyms. */
const STARTUP_ORDER: PageOrder<Startup> = { alias: 'startup', id: 'id', sort: 'name' };

const ORDER_COLUMNS: Partial<Record<StartupOrderField, string>> = {
  [StartupOrderField.ID]: 'startup.id',
  [StartupOrderField.NAME]: 'startup.name',
  [StartupOrderField.FOUNDED_YEAR]: 'startup.foundedYear',
  [StartupOrderField.EMPLOYEES]: 'startup.employees',
  [StartupOrderField.ARRONDISSEMENT]: 'startup.arrondissementCode',
};

/** The caller's order, else by relevance when searching, else the usual order; the id ends it. */
function listOrder(filter: StartupFilter, orderBy?: StartupOrder[] | null): PageOrder<Startup> {
  return explorationOrder(STARTUP_ORDER, orderBy, ORDER_COLUMNS, {
    near: Boolean(filter.near),
    search: filter.search !== null && filter.search !== undefined,
  });
}

/** What `facets` counts, by field. */
const FACET_COLUMNS: Record<StartupFacetField, string> = {
  [StartupFacetField.SECTOR]: 'startup.sector',
  [StartupFacetField.FOUNDED_YEAR]: 'startup.foundedYear',
  [StartupFacetField.ARRONDISSEMENT]: 'startup.arrondissementCode',
};

export class StartupService {
  constructor(private readonly db: DataSource) {}

  private query(): SelectQueryBuilder<Startup> {
    return this.db.getRepository(Startup).createQueryBuilder('startup');
  }

  filtered(filter: StartupFilter): SelectQueryBuilder<Startup> {
    validateArrondissement(filter.arrondissement, 'filter.arrondissement');
    const latest = new Date().getFullYear();
    const year = filter.foundedYear;
    if (year !== null && year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= latest)) {
      throw badInput(
        `\`filter.foundedYear\` must be a year from 1900 to ${latest} (got ${year})`,
        'filter.foundedYear',
      );
    }
    const query = this.query();
    if (filter.arrondissement)
      query.andWhere('startup.arrondissementCode = :arrondissement', {
        arrondissement: filter.arrondissement,
      });
    if (filter.sector) query.andWhere('startup.sector = :sector', { sector: filter.sector });
    if (year) query.andWhere('startup.foundedYear = :year', { year });
    if (filter.selected === true || filter.selected === false) {
      const exists =
        'EXISTS (SELECT 1 FROM challenge_selection selection WHERE selection.startup_id = startup.id)';
      query.andWhere(filter.selected ? exists : `NOT ${exists}`);
    }
    whereExplored(query, 'startup', filter);
    return query;
  }

  async list(
    filter: StartupFilter,
    page: PageArgs,
    orderBy?: StartupOrder[] | null,
  ): Promise<Connection<Startup>> {
    const query = this.filtered(filter);
    return withFacets(await paginate(query, page, listOrder(filter, orderBy)), query, FACET_COLUMNS);
  }

  byIds(ids: readonly string[]): Promise<Startup[]> {
    return this.query()
      .where('startup.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
