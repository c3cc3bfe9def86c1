import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { Experiment } from '../experiment/experiment.entity';
import { experimentsByChallenge } from '../experiment/experiment.loader';
import { ChallengeSite } from '../site/site.entity';
import { sitesByChallenge } from '../site/site.loader';
import { Startup } from '../startup/startup.entity';
import { startupsByChallenge } from '../startup/startup.loader';
import { Challenge, ChallengeConnection } from './challenge.entity';
import { ChallengeFilter, ChallengeOrder } from './challenge.input';
import { challengeById } from './challenge.loader';
import { ChallengeService } from './challenge.service';

@Resolver(() => Challenge)
export class ChallengeResolver {
  @Query(() => ChallengeConnection, {
    description: 'DataCity challenges, by season then number within the season.',
  })
  challenges(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ChallengeFilter, { nullable: true }) filter: ChallengeFilter | null,
    @Arg('orderBy', () => [ChallengeOrder], { nullable: true }) orderBy: ChallengeOrder[] | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<Challenge>> {
    return new ChallengeService(context.db).list(filter ?? {}, page, orderBy);
  }

  @Query(() => Challenge, { nullable: true })
  challenge(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Challenge | null> {
    return challengeById(context).load(id);
  }

  @FieldResolver(() => Arrondissement, { description: 'The arrondissement hosting the experiments.' })
  arrondissement(@Root() challenge: Challenge): Arrondissement {
    return { code: challenge.arrondissementCode };
  }

  @FieldResolver(() => [Startup], { description: 'The start-ups the jury selected, in selection order.' })
  startups(@Root() challenge: Challenge, @Ctx() context: BaseContext): Promise<Startup[]> {
    return startupsByChallenge(context).load(challenge.id);
  }

  @FieldResolver(() => [ChallengeSite], {
    description: "The public buildings and Trilib' stations opened to the experiments.",
  })
  sites(@Root() challenge: Challenge, @Ctx() context: BaseContext): Promise<ChallengeSite[]> {
    return sitesByChallenge(context).load(challenge.id);
  }

  @FieldResolver(() => [Experiment], { description: 'Chronologically.' })
  experiments(@Root() challenge: Challenge, @Ctx() context: BaseContext): Promise<Experiment[]> {
    return experimentsByChallenge(context).load(challenge.id);
  }
}
