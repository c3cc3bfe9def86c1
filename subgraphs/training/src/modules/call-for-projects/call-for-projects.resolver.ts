import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, selectsRows, type Connection } from '#platform/pagination';
import type { TrainingCourse } from '../course/course.entity';
import { TrainingCourseFilter } from '../course/course.input';
import { coursesByParent } from '../course/course.loader';
import { TrainingCourseConnection } from '../course/course.entity';
import { validateYear } from '../criteria';
import { TrainingCallForProjects } from './call-for-projects.entity';
import { callForProjectsByYear, placesFundedByYear } from './call-for-projects.loader';
import { CallForProjectsService } from './call-for-projects.service';

@Resolver(() => TrainingCallForProjects)
export class CallForProjectsResolver {
  @Query(() => [TrainingCallForProjects], { description: "ParisCode's calls for projects, oldest first." })
  trainingCallsForProjects(@Ctx() context: BaseContext): Promise<TrainingCallForProjects[]> {
    return new CallForProjectsService(context.db).list();
  }

  @Query(() => TrainingCallForProjects, { nullable: true })
  trainingCallForProjects(
    @Arg('year', () => Int) year: number,
    @Ctx() context: BaseContext,
  ): Promise<TrainingCallForProjects | null> {
    validateYear(year);
    return callForProjectsByYear(context).load(year);
  }

  @FieldResolver(() => Int, { description: 'Training places the courses it funded offer.' })
  placesFunded(@Root() call: TrainingCallForProjects, @Ctx() context: BaseContext): Promise<number> {
    return placesFundedByYear(context).load(call.year);
  }

  @FieldResolver(() => TrainingCourseConnection, { description: 'The courses it funded, by course number.' })
  courses(
    @Root() call: TrainingCallForProjects,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TrainingCourseFilter, { nullable: true }) filter: TrainingCourseFilter | null,
    @Ctx() context: BaseContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<TrainingCourse>> {
    return coursesByParent<number>(context, 'year', filter ?? {}, page, selectsRows(info)).load(call.year);
  }
}
