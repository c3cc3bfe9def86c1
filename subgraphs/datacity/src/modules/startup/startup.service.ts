import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '../../../../../platform/src/city';
import { badInput } from '../../../../../platform/src/errors';
import { whereNear } from '../../../../../platform/src/geo';
import {
  paginate,
  type Connection,
  type PageArgs,
  type PageOrder,
} from '../../../../../platform/src/pagination';
import { Startup } from './startup.entity';
import type { StartupFilter } from './startup.input';

/** Alphabetical, the order of a directory; the id breaks ties between homonyms. */
const STARTUP_ORDER: PageOrder<Startup> = { alias: 'startup', id: 'id', sort: 'name' };

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
    if (filter.near) whereNear(query, 'startup', filter.near);
    return query;
  }

  list(filter: StartupFilter, page: PageArgs): Promise<Connection<Startup>> {
    return paginate(this.filtered(filter), page, STARTUP_ORDER);
  }

  byIds(ids: readonly string[]): Promise<Startup[]> {
    return this.query()
      .where('startup.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
