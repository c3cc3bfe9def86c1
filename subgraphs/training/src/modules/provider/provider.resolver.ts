import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, selectsRows, type Connection } from '#platform/pagination';
import type { TrainingCourse } from '../course/course.entity';
import { TrainingCourseFilter } from '../course/course.input';
import { coursesByParent } from '../course/course.loader';
import { TrainingCourseConnection } from '../course/course.entity';
import { TrainingProvider, TrainingProviderConnection } from './provider.entity';
import { TrainingProviderFilter } from './provider.input';
import { providerById } from './provider.loader';
import { ProviderService } from './provider.service';

@Resolver(() => TrainingProvider)
export class ProviderResolver {
  @Query(() => TrainingProviderConnection, {
    description: 'Organisations running ParisCode courses, in alphabetical order.',
  })
  trainingProviders(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TrainingProviderFilter, { nullable: true }) filter: TrainingProviderFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<TrainingProvider>> {
    return new ProviderService(context.db).list(filter ?? {}, page);
  }

  @Query(() => TrainingProvider, { nullable: true })
  trainingProvider(
    @Arg('id', () => ID) id: string,
    @Ctx() context: BaseContext,
  ): Promise<TrainingProvider | null> {
    return providerById(context).load(id);
  }

  @FieldResolver(() => TrainingCourseConnection, {
    description: 'Its courses, by call year then course number.',
  })
  courses(
    @Root() provider: TrainingProvider,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TrainingCourseFilter, { nullable: true }) filter: TrainingCourseFilter | null,
    @Ctx() context: BaseContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<TrainingCourse>> {
    return coursesByParent<string>(context, 'providerId', filter ?? {}, page, selectsRows(info)).load(
      provider.id,
    );
  }
}
