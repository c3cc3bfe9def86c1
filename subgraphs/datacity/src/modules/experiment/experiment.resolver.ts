import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { Location } from '#platform/geo';
import { PageArgs, type Connection } from '#platform/pagination';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { Challenge } from '../challenge/challenge.entity';
import { challengeById } from '../challenge/challenge.loader';
import { ChallengeSite } from '../site/site.entity';
import { siteById } from '../site/site.loader';
import { Startup } from '../startup/startup.entity';
import { startupById } from '../startup/startup.loader';
import { Experiment, ExperimentConnection, ExperimentKpi } from './experiment.entity';
import { ExperimentFilter } from './experiment.input';
import { experimentById } from './experiment.loader';
import { ExperimentService } from './experiment.service';

// The foreign keys (challenge, start-up, site) guarantee every lookup below finds its row.
@Resolver(() => Experiment)
export class ExperimentResolver {
  @Query(() => ExperimentConnection, {
    description: 'DataCity experiments, chronologically (start date, then id).',
  })
  experiments(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ExperimentFilter, { nullable: true }) filter: ExperimentFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<Experiment>> {
    return new ExperimentService(context.db).list(filter ?? {}, page);
  }

  @Query(() => Experiment, { nullable: true })
  experiment(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Experiment | null> {
    return experimentById(context).load(id);
  }

  @FieldResolver(() => Challenge)
  async challenge(@Root() experiment: Experiment, @Ctx() context: BaseContext): Promise<Challenge> {
    return (await challengeById(context).load(experiment.challengeId)) as Challenge;
  }

  @FieldResolver(() => Startup)
  async startup(@Root() experiment: Experiment, @Ctx() context: BaseContext): Promise<Startup> {
    return (await startupById(context).load(experiment.startupId)) as Startup;
  }

  @FieldResolver(() => ChallengeSite)
  async site(@Root() experiment: Experiment, @Ctx() context: BaseContext): Promise<ChallengeSite> {
    return (await siteById(context).load(experiment.siteId)) as ChallengeSite;
  }

  @FieldResolver(() => Arrondissement, { description: 'The arrondissement of the site.' })
  async arrondissement(@Root() experiment: Experiment, @Ctx() context: BaseContext): Promise<Arrondissement> {
    return { code: (await this.site(experiment, context)).arrondissementCode };
  }

  @FieldResolver(() => Location, { description: 'The location of the site.' })
  async location(@Root() experiment: Experiment, @Ctx() context: BaseContext): Promise<Location> {
    const site = await this.site(experiment, context);
    return { latitude: site.latitude, longitude: site.longitude };
  }

  @FieldResolver(() => [ExperimentKpi], { description: 'The indicators the experiment is judged on.' })
  kpis(@Root() experiment: Experiment): ExperimentKpi[] {
    return experiment.kpis.map((kpi) => Object.assign(new ExperimentKpi(), kpi));
  }
}
