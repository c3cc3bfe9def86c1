import type { DataSource } from 'typeorm';
import { ChallengeSite } from './site.entity';

export class ChallengeSiteService {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<ChallengeSite[]> {
    return this.db
      .getRepository(ChallengeSite)
      .createQueryBuilder('site')
      .where('site.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  byChallenges(challengeIds: readonly string[]): Promise<ChallengeSite[]> {
    return this.db
      .getRepository(ChallengeSite)
      .createQueryBuilder('site')
      .where('site.challengeId IN (:...challengeIds)', { challengeIds: [...challengeIds] })
      .orderBy('site.id')
      .getMany();
  }
}
