import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import type { BudgetContext } from './context';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { editionByYear } from './modules/edition/edition.loader';
import { EditionResolver } from './modules/edition/edition.resolver';
import { projectById } from './modules/project/project.loader';
import { ProjectResolver } from './modules/project/project.resolver';
import { parseProjectId } from './modules/project/project.service';
import { BudgetTotalsResolver } from './modules/totals/totals.resolver';
import { VoteResolver, VoteTallyResolver } from './modules/vote/vote.resolver';
import { VoteTallyEventResolver } from './modules/vote-tally-event/vote-tally-event.resolver';

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
      BudgetProject: {
        __resolveReference: (reference: { id: string }, context: BudgetContext) => {
          const id = parseProjectId(reference.id);
          return id === null ? null : projectById(context).load(id);
        },
      },
      BudgetEdition: {
        __resolveReference: (reference: { year: number }, context: BudgetContext) =>
          editionByYear(context).load(reference.year),
      },
    },
  });
}
