import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { Challenge } from '../challenge/challenge.entity';
import { challengeById } from '../challenge/challenge.loader';
import { Experiment } from '../experiment/experiment.entity';
import { experimentsBySite } from '../experiment/experiment.loader';
import { ChallengeSite } from './site.entity';

@Resolver(() => ChallengeSite)
export class ChallengeSiteResolver {
  @FieldResolver(() => Arrondissement)
  arrondissement(@Root() site: ChallengeSite): Arrondissement {
    return { code: site.arrondissementCode };
  }

  @FieldResolver(() => Challenge)
  async challenge(@Root() site: ChallengeSite, @Ctx() context: BaseContext): Promise<Challenge> {
    // The foreign key guarantees the challenge exists.
    return (await challengeById(context).load(site.challengeId)) as Challenge;
  }

  @FieldResolver(() => [Experiment], { description: 'Chronologically.' })
  experiments(@Root() site: ChallengeSite, @Ctx() context: BaseContext): Promise<Experiment[]> {
    return experimentsBySite(context).load(site.id);
  }
}
