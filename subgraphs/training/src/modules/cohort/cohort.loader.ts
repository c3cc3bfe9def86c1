import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { TrainingCohort } from './cohort.entity';
import { CohortService } from './cohort.service';

export function cohortById(context: BaseContext) {
  return context.loaders.get<string, TrainingCohort | null>('cohortById', async (ids) =>
    byKeys(ids, await new CohortService(context.db).byIds(ids), (row) => row.id),
  );
}

export function cohortsByCourse(context: BaseContext) {
  return context.loaders.get<string, TrainingCohort[]>('cohortsByCourse', async (courseIds) =>
    groupByKeys(courseIds, await new CohortService(context.db).byCourses(courseIds), (row) => row.courseId),
  );
}
