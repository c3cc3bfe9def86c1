import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { EditionResolver } from './modules/edition/edition.resolver';
import { ProjectResolver } from './modules/project/project.resolver';
import { BudgetTotalsResolver } from './modules/totals/totals.resolver';
import { VoteResolver, VoteTallyResolver } from './modules/vote/vote.resolver';
import { VoteTallyEventResolver } from './modules/vote-tally-event/vote-tally-event.resolver';
import { editionReference } from './modules/edition/edition.reference';
import { projectReference } from './modules/project/project.reference';

export function buildBudgetSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      ProjectResolver,
      EditionResolver,
      VoteResolver,
      VoteTallyResolver,
      VoteTallyEventResolver,
      BudgetTotalsResolver,
      ArrondissementResolver,
    ],
    referenceResolvers: {
      BudgetProject: projectReference,
      BudgetEdition: editionReference,
    },
  });
}
