import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { Connection, PageArgs } from '#platform/pagination';
import type { TrainingCourse } from './course.entity';
import type { TrainingCourseFilter } from './course.input';
import { CourseService, type CourseParent } from './course.service';

export function courseById(context: BaseContext) {
  return context.loaders.get<string, TrainingCourse | null>('courseById', async (ids) =>
    byKeys(ids, await new CourseService(context.db).byIds(ids), (row) => row.id),
  );
}

/**
 * A nested `trainingCourses` connection (of arrondissements, providers or calls): every parent
 * asking with the same arguments shares one batch, paged together by `paginateByParent` (the counts
 * alone without `rows`).
 */
export function coursesByParent<K extends string | number>(
  context: BaseContext,
  parent: CourseParent,
  filter: TrainingCourseFilter,
  page: PageArgs,
  rows: boolean,
) {
  return context.loaders.get<K, Connection<TrainingCourse>>(
    `coursesBy:${parent}`,
    (keys) => new CourseService(context.db).pageByParent(parent, keys, filter, page, rows),
    { filter, first: page.first, after: page.after, rows },
  );
}

/** Course ids each DataCity start-up sponsors. */
export function courseIdsByStartup(context: BaseContext) {
  return context.loaders.get<string, string[]>('courseIdsByStartup', async (startupIds) =>
    groupByKeys(
      startupIds,
      await new CourseService(context.db).sponsoredByStartups(startupIds),
      (row) => row.startupId,
    ).map((pairs) => pairs.map((pair) => pair.courseId)),
  );
}
