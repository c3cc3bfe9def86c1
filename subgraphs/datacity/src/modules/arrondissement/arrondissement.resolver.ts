import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, selectsRows, type Connection } from '#platform/pagination';
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
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Challenge>> {
    return challengePageByArrondissement(context, page, selectsRows(info)).load(arrondissement.code);
  }
}
