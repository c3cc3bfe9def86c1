import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { paginate, type Connection, type PageArgs, type PageOrder } from '#platform/pagination';
import { Experiment } from './experiment.entity';
import type { ExperimentFilter } from './experiment.input';

/** Chronological: by start date, then id. */
const EXPERIMENT_ORDER: PageOrder<Experiment> = { alias: 'experiment', id: 'id', sort: 'startDate' };

export class ExperimentService {
  constructor(private readonly db: DataSource) {}

  private query(): SelectQueryBuilder<Experiment> {
    return this.db.getRepository(Experiment).createQueryBuilder('experiment');
  }

  filtered(filter: ExperimentFilter): SelectQueryBuilder<Experiment> {
    validateArrondissement(filter.arrondissement, 'filter.arrondissement');
    const query = this.query();
    if (filter.arrondissement) {
      query.andWhere(
        'experiment.siteId IN (SELECT site.id FROM challenge_site site WHERE site.arrondissement_code = :arrondissement)',
        {
          arrondissement: filter.arrondissement,
        },
      );
    }
    if (filter.challenge)
      query.andWhere('experiment.challengeId = :challenge', { challenge: filter.challenge });
    if (filter.startup) query.andWhere('experiment.startupId = :startup', { startup: filter.startup });
    if (filter.outcome) query.andWhere('experiment.outcome = :outcome', { outcome: filter.outcome });
    if (filter.running === true) query.andWhere('experiment.outcome IS NULL');
    if (filter.running === false) query.andWhere('experiment.outcome IS NOT NULL');
    return query;
  }

  list(filter: ExperimentFilter, page: PageArgs): Promise<Connection<Experiment>> {
    return paginate(this.filtered(filter), page, EXPERIMENT_ORDER);
  }

  byIds(ids: readonly string[]): Promise<Experiment[]> {
    return this.query()
      .where('experiment.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /** Every experiment whose `column` is one of `keys`, chronologically. */
  byColumn(column: 'challengeId' | 'startupId' | 'siteId', keys: readonly string[]): Promise<Experiment[]> {
    return this.query()
      .where(`experiment.${column} IN (:...keys)`, { keys: [...keys] })
      .orderBy('experiment.startDate')
      .addOrderBy('experiment.id')
      .getMany();
  }
}
