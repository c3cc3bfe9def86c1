import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { TrainingCourse } from '../course/course.entity';
import { courseById } from '../course/course.loader';
import { required } from '../rows';
import { Startup } from '../startup/startup.entity';
import { TrainingSponsor, TrainingSponsorConnection } from './sponsor.entity';
import { TrainingSponsorFilter } from './sponsor.input';
import { sponsorshipsBySponsor } from '../sponsorship/sponsorship.loader';
import { sponsorById } from './sponsor.loader';
import { SponsorService } from './sponsor.service';
import { TrainingSponsorship } from '../sponsorship/sponsorship.entity';

@Resolver(() => TrainingSponsor)
export class SponsorResolver {
  @Query(() => TrainingSponsorConnection, { description: 'ParisCode sponsors, in alphabetical order.' })
  trainingSponsors(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TrainingSponsorFilter, { nullable: true }) filter: TrainingSponsorFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<TrainingSponsor>> {
    return new SponsorService(context.db).list(filter ?? {}, page);
  }

  @Query(() => TrainingSponsor, { nullable: true })
  trainingSponsor(
    @Arg('id', () => ID) id: string,
    @Ctx() context: BaseContext,
  ): Promise<TrainingSponsor | null> {
    return sponsorById(context).load(id);
  }

  @FieldResolver(() => Int, { description: 'Everything it gave ParisCode, in euros.' })
  async amountEuros(@Root() sponsor: TrainingSponsor, @Ctx() context: BaseContext): Promise<number> {
    const sponsorships = await sponsorshipsBySponsor(context).load(sponsor.id);
    return sponsorships.reduce((sum, sponsorship) => sum + sponsorship.amountEuros, 0);
  }

  @FieldResolver(() => Startup, {
    nullable: true,
    description: 'The DataCity start-up this sponsor is, if it is one.',
  })
  startup(@Root() sponsor: TrainingSponsor): Startup | null {
    return sponsor.startupId ? { id: sponsor.startupId } : null;
  }

  @FieldResolver(() => [TrainingSponsorship], { description: 'Its contributions, by course.' })
  sponsorships(
    @Root() sponsor: TrainingSponsor,
    @Ctx() context: BaseContext,
  ): Promise<TrainingSponsorship[]> {
    return sponsorshipsBySponsor(context).load(sponsor.id);
  }

  @FieldResolver(() => [TrainingCourse], { description: 'The courses it sponsors.' })
  async courses(@Root() sponsor: TrainingSponsor, @Ctx() context: BaseContext): Promise<TrainingCourse[]> {
    const sponsorships = await sponsorshipsBySponsor(context).load(sponsor.id);
    const courses = await courseById(context).loadMany(
      sponsorships.map((sponsorship) => sponsorship.courseId),
    );
    return courses.map((course, index) => required(course, `course ${sponsorships[index].courseId}`));
  }
}
