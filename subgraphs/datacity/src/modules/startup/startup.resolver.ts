import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { Challenge } from '../challenge/challenge.entity';
import { challengesByStartup } from '../challenge/challenge.loader';
import { Experiment } from '../experiment/experiment.entity';
import { experimentsByStartup } from '../experiment/experiment.loader';
import { Startup, StartupConnection } from './startup.entity';
import { StartupFilter, StartupOrder } from './startup.input';
import { startupById } from './startup.loader';
import { StartupService } from './startup.service';

@Resolver(() => Startup)
export class StartupResolver {
  @Query(() => StartupConnection, { description: 'Start-ups that applied to DataCity, alphabetically.' })
  startups(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => StartupFilter, { nullable: true }) filter: StartupFilter | null,
    @Arg('orderBy', () => [StartupOrder], { nullable: true }) orderBy: StartupOrder[] | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<Startup>> {
    return new StartupService(context.db).list(filter ?? {}, page, orderBy);
  }

  @Query(() => Startup, { nullable: true })
  startup(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Startup | null> {
    return startupById(context).load(id);
  }

  @FieldResolver(() => Arrondissement, { description: 'The arrondissement of the head office.' })
  arrondissement(@Root() startup: Startup): Arrondissement {
    return { code: startup.arrondissementCode };
  }

  @FieldResolver(() => [Challenge], {
    description: 'The challenges the start-up was selected for, by season.',
  })
  challenges(@Root() startup: Startup, @Ctx() context: BaseContext): Promise<Challenge[]> {
    return challengesByStartup(context).load(startup.id);
  }

  @FieldResolver(() => [Experiment], { description: 'Chronologically.' })
  experiments(@Root() startup: Startup, @Ctx() context: BaseContext): Promise<Experiment[]> {
    return experimentsByStartup(context).load(startup.id);
  }
}
