import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { TrainingCourseFilter } from '../course/course.input';
import { TrainingOutcomes } from './outcome.entity';
import { OutcomeService } from './outcome.service';

@Resolver(() => TrainingOutcomes)
export class OutcomeResolver {
  @Query(() => [TrainingOutcomes], {
    description:
      'Trainees, success and employment six months after, per year the cohorts started (oldest first); `year` keeps one year, `filter` some courses.',
  })
  trainingOutcomes(
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('filter', () => TrainingCourseFilter, { nullable: true }) filter: TrainingCourseFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<TrainingOutcomes[]> {
    return new OutcomeService(context.db).byYear(year, filter ?? {});
  }
}
