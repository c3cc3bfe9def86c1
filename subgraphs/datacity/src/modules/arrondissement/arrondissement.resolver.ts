import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { ChallengeConnection, type Challenge } from '../challenge/challenge.entity';
import { challengePageByArrondissement } from '../challenge/challenge.loader';
import { Arrondissement } from './arrondissement.entity';

@Resolver(() => Arrondissement)
export class ArrondissementChallengesResolver {
  @FieldResolver(() => ChallengeConnection, {
    description: 'DataCity challenges whose experiments this arrondissement hosts, by season then number.',
  })
  challenges(
    @Root() arrondissement: Arrondissement,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: BaseContext,
  ): Promise<Connection<Challenge>> {
    return challengePageByArrondissement(context, page).load(arrondissement.code);
  }
}
