import type { DataSource } from 'typeorm';
import { ChallengeSelection } from './selection.entity';

export class SelectionService {
  constructor(private readonly db: DataSource) {}

  byChallenges(challengeIds: readonly string[]): Promise<ChallengeSelection[]> {
    return this.db
      .getRepository(ChallengeSelection)
      .createQueryBuilder('selection')
      .where('selection.challengeId IN (:...challengeIds)', { challengeIds: [...challengeIds] })
      .orderBy('selection.selectedOn')
      .addOrderBy('selection.startupId')
      .getMany();
  }

  byStartups(startupIds: readonly string[]): Promise<ChallengeSelection[]> {
    return this.db
      .getRepository(ChallengeSelection)
      .createQueryBuilder('selection')
      .where('selection.startupId IN (:...startupIds)', { startupIds: [...startupIds] })
      .orderBy('selection.challengeId')
      .getMany();
  }
}
