import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { whereExplored } from '#platform/exploring';
import { withFacets } from '#platform/facets';
import { explorationOrder } from '#platform/ordering';
import {
  paginate,
  paginateByParent,
  type Connection,
  type PageArgs,
  type PageOrder,
} from '#platform/pagination';
import { validateYear } from '../criteria';
import { TrainingSponsor } from '../sponsor/sponsor.entity';
import { TrainingSponsorship } from '../sponsorship/sponsorship.entity';
import { TrainingCourse, TrainingCourseFacetField } from './course.entity';
import {
  TrainingCourseOrderField,
  type TrainingCourseFilter,
  type TrainingCourseOrder,
} from './course.input';

/** Courses read by call year, then by their number within it: the order of their ids. */
export const COURSE_ORDER: PageOrder<TrainingCourse> = { alias: 'course', id: 'id' };

/** The columns a nested `trainingCourses` connection is grouped by. */
export type CourseParent = 'arrondissementCode' | 'providerId' | 'year';

const ORDER_COLUMNS: Partial<Record<TrainingCourseOrderField, string>> = {
  [TrainingCourseOrderField.ID]: 'course.id',
  [TrainingCourseOrderField.TITLE]: 'course.title',
  [TrainingCourseOrderField.YEAR]: 'course.year',
  [TrainingCourseOrderField.ARRONDISSEMENT]: 'course.arrondissementCode',
};

/** The caller's order, else by relevance when searching, else the usual order; the id ends it. */
function listOrder(
  filter: TrainingCourseFilter,
  orderBy?: TrainingCourseOrder[] | null,
): PageOrder<TrainingCourse> {
  return explorationOrder(COURSE_ORDER, orderBy, ORDER_COLUMNS, {
    near: Boolean(filter.near),
    search: filter.search !== null && filter.search !== undefined,
  });
}

/** What `facets` counts, by field. */
const FACET_COLUMNS: Record<TrainingCourseFacetField, string> = {
  [TrainingCourseFacetField.YEAR]: 'course.year',
  [TrainingCourseFacetField.SKILL_DOMAIN]: 'course.skillDomain',
  [TrainingCourseFacetField.FORMAT]: 'course.format',
  [TrainingCourseFacetField.ARRONDISSEMENT]: 'course.arrondissementCode',
};

export class CourseService {
  constructor(private readonly db: DataSource) {}

  /** All courses matching the filter (validated), as a query other services can build on. */
  filtered(filter: TrainingCourseFilter = {}): SelectQueryBuilder<TrainingCourse> {
    validateArrondissement(filter.arrondissement, 'filter.arrondissement');
    validateYear(filter.year, 'filter.year');
    const query = this.db.getRepository(TrainingCourse).createQueryBuilder('course');
    if (filter.arrondissement)
      query.andWhere('course.arrondissementCode = :arrondissement', {
        arrondissement: filter.arrondissement,
      });
    whereExplored(query, 'course', filter);
    if (filter.year) query.andWhere('course.year = :year', { year: filter.year });
    if (filter.skillDomain)
      query.andWhere('course.skillDomain = :skillDomain', { skillDomain: filter.skillDomain });
    if (filter.format) query.andWhere('course.format = :format', { format: filter.format });
    if (filter.audience)
      query.andWhere(':audience = ANY(course.priorityAudiences)', { audience: filter.audience });
    if (filter.provider) query.andWhere('course.providerId = :provider', { provider: filter.provider });
    if (filter.sponsor) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM sponsorship filter_sponsorship WHERE filter_sponsorship.course_id = course.id AND filter_sponsorship.sponsor_id = :sponsor)',
        { sponsor: filter.sponsor },
      );
    }
    return query;
  }

  async list(
    filter: TrainingCourseFilter,
    page: PageArgs,
    orderBy?: TrainingCourseOrder[] | null,
  ): Promise<Connection<TrainingCourse>> {
    const query = this.filtered(filter);
    return withFacets(await paginate(query, page, listOrder(filter, orderBy)), query, FACET_COLUMNS);
  }

  /** One page per parent (arrondissement, provider or call), three statements for all of them (one without `rows`). */
  pageByParent<K extends string | number>(
    parent: CourseParent,
    keys: readonly K[],
    filter: TrainingCourseFilter,
    page: PageArgs,
    rows: boolean,
  ): Promise<Connection<TrainingCourse>[]> {
    return paginateByParent(this.filtered(filter), parent, keys, page, listOrder(filter), { rows });
  }

  byIds(ids: readonly string[]): Promise<TrainingCourse[]> {
    return this.db
      .getRepository(TrainingCourse)
      .createQueryBuilder('course')
      .where('course.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /** (start-up, course) pairs for the courses each start-up sponsors, in course order. */
  sponsoredByStartups(startupIds: readonly string[]): Promise<{ startupId: string; courseId: string }[]> {
    return this.db
      .getRepository(TrainingSponsorship)
      .createQueryBuilder('sponsorship')
      .innerJoin(TrainingSponsor, 'sponsor', 'sponsor.id = sponsorship.sponsorId')
      .select('sponsor.startupId', 'startupId')
      .addSelect('sponsorship.courseId', 'courseId')
      .where('sponsor.startupId IN (:...startupIds)', { startupIds: [...startupIds] })
      .orderBy('sponsorship.courseId')
      .getRawMany<{ startupId: string; courseId: string }>();
  }
}
