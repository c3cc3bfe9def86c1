import type { DataSource } from 'typeorm';
import { Citation } from './citation.entity';

export class CitationService {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<Citation[]> {
    return this.db
      .getRepository(Citation)
      .createQueryBuilder('citation')
      .where('citation.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
