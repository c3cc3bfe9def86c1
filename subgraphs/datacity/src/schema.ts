import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import type { DatacityContext } from './context';
import { ArrondissementChallengesResolver } from './modules/arrondissement/arrondissement.resolver';
import { challengeById } from './modules/challenge/challenge.loader';
import { ChallengeResolver } from './modules/challenge/challenge.resolver';
import { experimentById } from './modules/experiment/experiment.loader';
import { ExperimentResolver } from './modules/experiment/experiment.resolver';
import { siteById } from './modules/site/site.loader';
import { ChallengeSiteResolver } from './modules/site/site.resolver';
import { startupById } from './modules/startup/startup.loader';
import { StartupResolver } from './modules/startup/startup.resolver';

type IdReference = { id: string };

export function buildDatacitySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      ChallengeResolver,
      StartupResolver,
      ExperimentResolver,
      ChallengeSiteResolver,
      ArrondissementChallengesResolver,
    ],
    referenceResolvers: {
      Challenge: {
        __resolveReference: (reference: IdReference, context: DatacityContext) =>
          challengeById(context).load(reference.id),
      },
      Startup: {
        __resolveReference: (reference: IdReference, context: DatacityContext) =>
          startupById(context).load(reference.id),
      },
      Experiment: {
        __resolveReference: (reference: IdReference, context: DatacityContext) =>
          experimentById(context).load(reference.id),
      },
      ChallengeSite: {
        __resolveReference: (reference: IdReference, context: DatacityContext) =>
          siteById(context).load(reference.id),
      },
    },
  });
}
