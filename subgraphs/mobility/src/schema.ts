// Imported first: type-graphql orders the Query fields by the order their resolvers are loaded in.
import { OpenRequestCountResolver } from './modules/open-request-count/open-request-count.resolver';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '#platform/federation';
import { accompanimentRequestReference } from './modules/accompaniment-request/accompaniment-request.reference';
import { AccompanimentRequestResolver } from './modules/accompaniment-request/accompaniment-request.resolver';
import { AccompanimentRequestEventResolver } from './modules/accompaniment-request-event/accompaniment-request-event.resolver';
import { AccompanimentStatsResolver } from './modules/accompaniment-stats/accompaniment-stats.resolver';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { beneficiaryReference } from './modules/beneficiary/beneficiary.reference';
import { BeneficiaryResolver } from './modules/beneficiary/beneficiary.resolver';
import { missionReference } from './modules/mission/mission.reference';
import { MissionResolver } from './modules/mission/mission.resolver';
import { volunteerReference } from './modules/volunteer/volunteer.reference';
import { VolunteerResolver } from './modules/volunteer/volunteer.resolver';

export function buildMobilitySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      AccompanimentRequestResolver,
      AccompanimentRequestEventResolver,
      MissionResolver,
      VolunteerResolver,
      BeneficiaryResolver,
      AccompanimentStatsResolver,
      ArrondissementResolver,
      OpenRequestCountResolver,
    ],
    referenceResolvers: {
      AccompanimentRequest: accompanimentRequestReference,
      Mission: missionReference,
      Volunteer: volunteerReference,
      Beneficiary: beneficiaryReference,
    },
  });
}
