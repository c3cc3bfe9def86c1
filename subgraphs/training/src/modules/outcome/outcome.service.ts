import type { DataSource } from 'typeorm';
import { TrainingCohort } from '../cohort/cohort.entity';
import type { TrainingCourseFilter } from '../course/course.input';
import { CourseService } from '../course/course.service';
import { validateYear } from '../criteria';
import { TrainingOutcomes } from './outcome.entity';

type OutcomeTotals = Omit<TrainingOutcomes, 'completionRate' | 'successRate' | 'employmentRate'>;

export class OutcomeService {
  constructor(private readonly db: DataSource) {}

  /** Totals per cohort start year (one statement), over the courses the filter keeps. */
  async byYear(year: number | null | undefined, filter: TrainingCourseFilter): Promise<TrainingOutcomes[]> {
    validateYear(year);
    const query = new CourseService(this.db)
      .filtered(filter)
      .innerJoin(TrainingCohort, 'cohort', 'cohort.courseId = course.id')
      .select('cohort.year', 'year')
      .addSelect('COUNT(DISTINCT course.id)::int', 'courses')
      .addSelect('COUNT(*)::int', 'cohorts')
      .addSelect('SUM(cohort.places)::int', 'places')
      .addSelect('SUM(cohort.enrolled)::int', 'trainees')
      .addSelect('SUM(cohort.completed)::int', 'completed')
      .addSelect('SUM(cohort.certified)::int', 'certified')
      .addSelect('SUM(cohort.employedWithin6Months)::int', 'employedWithin6Months')
      .addSelect('SUM(cohort.furtherStudies)::int', 'furtherStudies')
      .groupBy('cohort.year')
      .orderBy('cohort.year');
    if (year) query.andWhere('cohort.year = :cohortYear', { cohortYear: year });
    const rows = await query.getRawMany<OutcomeTotals>();
    return rows.map((row) => Object.assign(new TrainingOutcomes(), row));
  }
}
