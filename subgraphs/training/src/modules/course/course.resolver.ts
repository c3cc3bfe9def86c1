import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { TrainingCallForProjects } from '../call-for-projects/call-for-projects.entity';
import { callForProjectsByYear } from '../call-for-projects/call-for-projects.loader';
import { ratio, TrainingCohort } from '../cohort/cohort.entity';
import { cohortsByCourse } from '../cohort/cohort.loader';
import { required } from '../rows';
import { TrainingProvider } from '../provider/provider.entity';
import { providerById } from '../provider/provider.loader';
import { TrainingSponsor } from '../sponsor/sponsor.entity';
import { sponsorById } from '../sponsor/sponsor.loader';
import { sponsorshipsByCourse } from '../sponsorship/sponsorship.loader';
import { TrainingSponsorship } from '../sponsorship/sponsorship.entity';
import { TrainingCourse, TrainingCourseConnection } from './course.entity';
import { TrainingCourseFilter, TrainingCourseOrder } from './course.input';
import { courseById } from './course.loader';
import { CourseService } from './course.service';

@Resolver(() => TrainingCourse)
export class CourseResolver {
  @Query(() => TrainingCourseConnection, {
    description: 'ParisCode courses, by call year then course number (the order of their ids).',
  })
  trainingCourses(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TrainingCourseFilter, { nullable: true }) filter: TrainingCourseFilter | null,
    @Arg('orderBy', () => [TrainingCourseOrder], { nullable: true }) orderBy: TrainingCourseOrder[] | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<TrainingCourse>> {
    return new CourseService(context.db).list(filter ?? {}, page, orderBy);
  }

  @Query(() => TrainingCourse, { nullable: true })
  trainingCourse(
    @Arg('id', () => ID) id: string,
    @Ctx() context: BaseContext,
  ): Promise<TrainingCourse | null> {
    return courseById(context).load(id);
  }

  @FieldResolver(() => Arrondissement, { description: 'Where the course is taught.' })
  arrondissement(@Root() course: TrainingCourse): Arrondissement {
    return { code: course.arrondissementCode };
  }

  @FieldResolver(() => TrainingProvider)
  async provider(@Root() course: TrainingCourse, @Ctx() context: BaseContext): Promise<TrainingProvider> {
    return required(await providerById(context).load(course.providerId), `provider ${course.providerId}`);
  }

  @FieldResolver(() => TrainingCallForProjects, {
    description: 'The call for projects that funded the course.',
  })
  async callForProjects(
    @Root() course: TrainingCourse,
    @Ctx() context: BaseContext,
  ): Promise<TrainingCallForProjects> {
    return required(
      await callForProjectsByYear(context).load(course.year),
      `call for projects ${course.year}`,
    );
  }

  @FieldResolver(() => [TrainingCohort], { description: 'Its sessions, in start order.' })
  cohorts(@Root() course: TrainingCourse, @Ctx() context: BaseContext): Promise<TrainingCohort[]> {
    return cohortsByCourse(context).load(course.id);
  }

  @FieldResolver(() => Int, { description: 'Trainees who started, over all its cohorts.' })
  async trainees(@Root() course: TrainingCourse, @Ctx() context: BaseContext): Promise<number> {
    const cohorts = await cohortsByCourse(context).load(course.id);
    return cohorts.reduce((sum, cohort) => sum + cohort.enrolled, 0);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Success rate over all its cohorts (0–1): in employment or further studies six months after, among those who completed.',
  })
  async successRate(@Root() course: TrainingCourse, @Ctx() context: BaseContext): Promise<number | null> {
    const cohorts = await cohortsByCourse(context).load(course.id);
    const positive = cohorts.reduce(
      (sum, cohort) => sum + cohort.employedWithin6Months + cohort.furtherStudies,
      0,
    );
    return ratio(
      positive,
      cohorts.reduce((sum, cohort) => sum + cohort.completed, 0),
    );
  }

  @FieldResolver(() => [TrainingSponsorship], { description: "Sponsors' contributions, largest first." })
  sponsorships(@Root() course: TrainingCourse, @Ctx() context: BaseContext): Promise<TrainingSponsorship[]> {
    return sponsorshipsByCourse(context).load(course.id);
  }

  @FieldResolver(() => [TrainingSponsor], { description: 'Its sponsors, largest contribution first.' })
  async sponsors(@Root() course: TrainingCourse, @Ctx() context: BaseContext): Promise<TrainingSponsor[]> {
    const sponsorships = await sponsorshipsByCourse(context).load(course.id);
    const sponsors = await sponsorById(context).loadMany(
      sponsorships.map((sponsorship) => sponsorship.sponsorId),
    );
    return sponsors.map((sponsor, index) => required(sponsor, `sponsor ${sponsorships[index].sponsorId}`));
  }
}
