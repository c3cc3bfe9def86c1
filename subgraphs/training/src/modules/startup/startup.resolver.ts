import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { TrainingCourse } from '../course/course.entity';
import { courseById, courseIdsByStartup } from '../course/course.loader';
import { required } from '../rows';
import { traineesHiredByStartup } from '../hire/hire.loader';
import { Startup } from './startup.entity';

@Resolver(() => Startup)
export class StartupResolver {
  @FieldResolver(() => [TrainingCourse], { description: 'ParisCode courses this start-up sponsors.' })
  async sponsoredCourses(@Root() startup: Startup, @Ctx() context: BaseContext): Promise<TrainingCourse[]> {
    const ids = await courseIdsByStartup(context).load(startup.id);
    const courses = await courseById(context).loadMany(ids);
    return courses.map((course, index) => required(course, `course ${ids[index]}`));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'ParisCode trainees this start-up hired (0 if none).',
  })
  traineesHired(@Root() startup: Startup, @Ctx() context: BaseContext): Promise<number> {
    return traineesHiredByStartup(context).load(startup.id);
  }
}
