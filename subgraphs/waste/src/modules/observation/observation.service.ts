import type { DataSource } from 'typeorm';
import { paginateByParent, type Connection, type PageArgs, type PageOrder } from '#platform/pagination';
import { FillingLevelObservation } from './observation.entity';

/** The most recent observation first. */
export const OBSERVATION_ORDER: PageOrder<FillingLevelObservation> = {
  alias: 'observation',
  sort: 'observedAt',
  id: 'id',
  direction: 'DESC',
};

export class ObservationService {
  constructor(private readonly db: DataSource) {}

  pageByContainers(
    containerIds: readonly string[],
    page: PageArgs,
  ): Promise<Connection<FillingLevelObservation>[]> {
    const query = this.db.getRepository(FillingLevelObservation).createQueryBuilder('observation');
    return paginateByParent(query, 'containerId', containerIds, page, OBSERVATION_ORDER);
  }
}
