import type { DataSource } from 'typeorm';
import { TrainingCohort } from './cohort.entity';

export class CohortService {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<TrainingCohort[]> {
    return this.db
      .getRepository(TrainingCohort)
      .createQueryBuilder('cohort')
      .where('cohort.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /** The cohorts of many courses, each course's in start order. */
  byCourses(courseIds: readonly string[]): Promise<TrainingCohort[]> {
    return this.db
      .getRepository(TrainingCohort)
      .createQueryBuilder('cohort')
      .where('cohort.courseId IN (:...courseIds)', { courseIds: [...courseIds] })
      .orderBy('cohort.startDate')
      .addOrderBy('cohort.id')
      .getMany();
  }
}
