import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import type { TrainingContext } from './context';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { callForProjectsByYear } from './modules/call-for-projects/call-for-projects.loader';
import { CallForProjectsResolver } from './modules/call-for-projects/call-for-projects.resolver';
import { cohortById } from './modules/cohort/cohort.loader';
import { CohortResolver } from './modules/cohort/cohort.resolver';
import { courseById } from './modules/course/course.loader';
import { CourseResolver } from './modules/course/course.resolver';
import { OutcomeResolver } from './modules/outcome/outcome.resolver';
import { providerById } from './modules/provider/provider.loader';
import { ProviderResolver } from './modules/provider/provider.resolver';
import { sponsorById } from './modules/sponsor/sponsor.loader';
import { SponsorResolver, SponsorshipResolver } from './modules/sponsor/sponsor.resolver';
import { HireResolver, StartupResolver } from './modules/startup/startup.resolver';

export function buildTrainingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      CourseResolver,
      ProviderResolver,
      CohortResolver,
      SponsorResolver,
      SponsorshipResolver,
      CallForProjectsResolver,
      OutcomeResolver,
      ArrondissementResolver,
      StartupResolver,
      HireResolver,
    ],
    referenceResolvers: {
      TrainingCourse: {
        __resolveReference: (reference: { id: string }, context: TrainingContext) =>
          courseById(context).load(reference.id),
      },
      TrainingProvider: {
        __resolveReference: (reference: { id: string }, context: TrainingContext) =>
          providerById(context).load(reference.id),
      },
      TrainingCohort: {
        __resolveReference: (reference: { id: string }, context: TrainingContext) =>
          cohortById(context).load(reference.id),
      },
      TrainingSponsor: {
        __resolveReference: (reference: { id: string }, context: TrainingContext) =>
          sponsorById(context).load(reference.id),
      },
      TrainingCallForProjects: {
        __resolveReference: (reference: { year: number }, context: TrainingContext) =>
          callForProjectsByYear(context).load(reference.year),
      },
    },
  });
}
