import type { DataSource } from 'typeorm';
import { TrainingHire } from './hire.entity';

export class HireService {
  constructor(private readonly db: DataSource) {}

  byCohorts(cohortIds: readonly string[]): Promise<TrainingHire[]> {
    return this.db
      .getRepository(TrainingHire)
      .createQueryBuilder('hire')
      .where('hire.cohortId IN (:...cohortIds)', { cohortIds: [...cohortIds] })
      .orderBy('hire.trainees', 'DESC')
      .addOrderBy('hire.startupId')
      .getMany();
  }

  /** Trainees hired by each start-up, over every cohort. */
  totalsByStartups(startupIds: readonly string[]): Promise<{ startupId: string; trainees: number }[]> {
    return this.db
      .getRepository(TrainingHire)
      .createQueryBuilder('hire')
      .select('hire.startupId', 'startupId')
      .addSelect('SUM(hire.trainees)::int', 'trainees')
      .where('hire.startupId IN (:...startupIds)', { startupIds: [...startupIds] })
      .groupBy('hire.startupId')
      .getRawMany<{ startupId: string; trainees: number }>();
  }
}
