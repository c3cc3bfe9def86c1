import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { TrainingCourse } from '../course/course.entity';
import { courseById } from '../course/course.loader';
import { required } from '../rows';
import { TrainingHire } from '../hire/hire.entity';
import { hiresByCohort } from '../hire/hire.loader';
import { TrainingCohort } from './cohort.entity';

@Resolver(() => TrainingCohort)
export class CohortResolver {
  @FieldResolver(() => TrainingCourse)
  async course(@Root() cohort: TrainingCohort, @Ctx() context: BaseContext): Promise<TrainingCourse> {
    return required(await courseById(context).load(cohort.courseId), `course ${cohort.courseId}`);
  }

  @FieldResolver(() => [TrainingHire], {
    description: 'Trainees of this cohort that DataCity start-ups hired, by start-up.',
  })
  hires(@Root() cohort: TrainingCohort, @Ctx() context: BaseContext): Promise<TrainingHire[]> {
    return hiresByCohort(context).load(cohort.id);
  }
}
