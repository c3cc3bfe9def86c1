import type { DataSource } from 'typeorm';
import { paginate, type Connection, type PageArgs, type PageOrder } from '#platform/pagination';
import { TrainingSponsor } from './sponsor.entity';
import type { TrainingSponsorFilter } from './sponsor.input';

/** Sponsors in alphabetical order. */
const SPONSOR_ORDER: PageOrder<TrainingSponsor> = { alias: 'sponsor', id: 'id', sort: 'name' };

export class SponsorService {
  constructor(private readonly db: DataSource) {}

  list(filter: TrainingSponsorFilter, page: PageArgs): Promise<Connection<TrainingSponsor>> {
    const query = this.db.getRepository(TrainingSponsor).createQueryBuilder('sponsor');
    if (filter.kind) query.andWhere('sponsor.kind = :kind', { kind: filter.kind });
    if (filter.startup) query.andWhere('sponsor.startupId = :startup', { startup: filter.startup });
    return paginate(query, page, SPONSOR_ORDER);
  }

  byIds(ids: readonly string[]): Promise<TrainingSponsor[]> {
    return this.db
      .getRepository(TrainingSponsor)
      .createQueryBuilder('sponsor')
      .where('sponsor.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
