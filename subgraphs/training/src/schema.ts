import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
// Loaded before the other resolvers: type-graphql orders Query fields and types by load order.
import { CourseResolver } from './modules/course/course.resolver';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { CallForProjectsResolver } from './modules/call-for-projects/call-for-projects.resolver';
import { CohortResolver } from './modules/cohort/cohort.resolver';
import { OutcomeResolver } from './modules/outcome/outcome.resolver';
import { ProviderResolver } from './modules/provider/provider.resolver';
import { SponsorResolver } from './modules/sponsor/sponsor.resolver';
import { SponsorshipResolver } from './modules/sponsorship/sponsorship.resolver';
import { StartupResolver } from './modules/startup/startup.resolver';
import { HireResolver } from './modules/hire/hire.resolver';
import { callForProjectsReference } from './modules/call-for-projects/call-for-projects.reference';
import { cohortReference } from './modules/cohort/cohort.reference';
import { courseReference } from './modules/course/course.reference';
import { providerReference } from './modules/provider/provider.reference';
import { sponsorReference } from './modules/sponsor/sponsor.reference';

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
      TrainingCourse: courseReference,
      TrainingProvider: providerReference,
      TrainingCohort: cohortReference,
      TrainingSponsor: sponsorReference,
      TrainingCallForProjects: callForProjectsReference,
    },
  });
}
