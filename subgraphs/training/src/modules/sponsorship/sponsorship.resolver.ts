import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { TrainingCourse } from '../course/course.entity';
import { courseById } from '../course/course.loader';
import { required } from '../rows';
import { TrainingSponsor } from '../sponsor/sponsor.entity';
import { sponsorById } from '../sponsor/sponsor.loader';
import { TrainingSponsorship } from './sponsorship.entity';

@Resolver(() => TrainingSponsorship)
export class SponsorshipResolver {
  @FieldResolver(() => TrainingSponsor)
  async sponsor(
    @Root() sponsorship: TrainingSponsorship,
    @Ctx() context: BaseContext,
  ): Promise<TrainingSponsor> {
    return required(
      await sponsorById(context).load(sponsorship.sponsorId),
      `sponsor ${sponsorship.sponsorId}`,
    );
  }

  @FieldResolver(() => TrainingCourse)
  async course(
    @Root() sponsorship: TrainingSponsorship,
    @Ctx() context: BaseContext,
  ): Promise<TrainingCourse> {
    return required(await courseById(context).load(sponsorship.courseId), `course ${sponsorship.courseId}`);
  }
}
