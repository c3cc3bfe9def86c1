import type { DataSource } from 'typeorm';
import { paginate, type Connection, type PageArgs, type PageOrder } from '#platform/pagination';
import { containsPattern } from '#platform/like';
import { TrainingProvider } from './provider.entity';
import type { TrainingProviderFilter } from './provider.input';

/** Providers in alphabetical order. */
const PROVIDER_ORDER: PageOrder<TrainingProvider> = { alias: 'provider', id: 'id', sort: 'name' };

export class ProviderService {
  constructor(private readonly db: DataSource) {}

  list(filter: TrainingProviderFilter, page: PageArgs): Promise<Connection<TrainingProvider>> {
    const query = this.db.getRepository(TrainingProvider).createQueryBuilder('provider');
    if (filter.kind) query.andWhere('provider.kind = :kind', { kind: filter.kind });
    if (filter.search?.trim())
      query.andWhere('provider.name ILIKE :search', { search: containsPattern(filter.search) });
    return paginate(query, page, PROVIDER_ORDER);
  }

  byIds(ids: readonly string[]): Promise<TrainingProvider[]> {
    return this.db
      .getRepository(TrainingProvider)
      .createQueryBuilder('provider')
      .where('provider.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
