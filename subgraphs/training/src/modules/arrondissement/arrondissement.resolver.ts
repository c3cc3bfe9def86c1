import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, selectsRows, type Connection } from '#platform/pagination';
import type { TrainingCourse } from '../course/course.entity';
import { TrainingCourseFilter } from '../course/course.input';
import { coursesByParent } from '../course/course.loader';
import { TrainingCourseConnection } from '../course/course.entity';
import { Arrondissement } from './arrondissement.entity';

@Resolver(() => Arrondissement)
export class ArrondissementResolver {
  @FieldResolver(() => TrainingCourseConnection, {
    description: 'ParisCode courses taught in the arrondissement, by call year then course number.',
  })
  trainingCourses(
    @Root() arrondissement: Arrondissement,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TrainingCourseFilter, { nullable: true }) filter: TrainingCourseFilter | null,
    @Ctx() context: BaseContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<TrainingCourse>> {
    return coursesByParent<number>(context, 'arrondissementCode', filter ?? {}, page, selectsRows(info)).load(
      arrondissement.code,
    );
  }
}
