import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import { ArrondissementChallengesResolver } from './modules/arrondissement/arrondissement.resolver';
import { ChallengeResolver } from './modules/challenge/challenge.resolver';
import { ExperimentResolver } from './modules/experiment/experiment.resolver';
import { ChallengeSiteResolver } from './modules/site/site.resolver';
import { StartupResolver } from './modules/startup/startup.resolver';
import { challengeReference } from './modules/challenge/challenge.reference';
import { experimentReference } from './modules/experiment/experiment.reference';
import { challengeSiteReference } from './modules/site/site.reference';
import { startupReference } from './modules/startup/startup.reference';

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
      Challenge: challengeReference,
      Startup: startupReference,
      Experiment: experimentReference,
      ChallengeSite: challengeSiteReference,
    },
  });
}
