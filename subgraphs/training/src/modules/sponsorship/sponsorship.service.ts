import type { DataSource } from 'typeorm';
import { TrainingSponsorship } from './sponsorship.entity';

export class SponsorshipService {
  constructor(private readonly db: DataSource) {}

  /** Contributions to the given courses (largest first) or by the given sponsors (by course). */
  byKeys(by: 'courseId' | 'sponsorId', keys: readonly string[]): Promise<TrainingSponsorship[]> {
    const query = this.db
      .getRepository(TrainingSponsorship)
      .createQueryBuilder('sponsorship')
      .where(`sponsorship.${by} IN (:...keys)`, { keys: [...keys] });
    if (by === 'courseId')
      query.orderBy('sponsorship.amountEuros', 'DESC').addOrderBy('sponsorship.sponsorId');
    else query.orderBy('sponsorship.courseId');
    return query.getMany();
  }
}
