import type { DataSource } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { paginate, type Connection, type PageArgs } from '#platform/pagination';
import { Volunteer } from './volunteer.entity';
import type { VolunteerFilter } from './volunteer.input';

export class VolunteerService {
  constructor(private readonly db: DataSource) {}

  /** By id, the order volunteers are numbered in as they join. */
  list(filter: VolunteerFilter, page: PageArgs): Promise<Connection<Volunteer>> {
    validateArrondissement(filter.arrondissement);
    const query = this.db.getRepository(Volunteer).createQueryBuilder('volunteer');
    if (filter.arrondissement)
      query.andWhere('volunteer.arrondissementCode = :code', { code: filter.arrondissement });
    if (filter.active !== null && filter.active !== undefined)
      query.andWhere('volunteer.active = :active', { active: filter.active });
    return paginate(query, page, { alias: 'volunteer', id: 'id' });
  }

  byIds(ids: readonly string[]): Promise<Volunteer[]> {
    return this.db
      .getRepository(Volunteer)
      .createQueryBuilder('volunteer')
      .where('volunteer.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
