import { OpenRequestCountResolver } from './modules/open-request-count/open-request-count.resolver';
import type { GraphQLSchema } from 'graphql';
import { forbidden } from '#platform/errors';
import { buildFederatedSchema } from '#platform/federation';
import { isOperator, volunteerSubject, type MobilityContext } from './context';
import { accompanimentRequestById } from './modules/accompaniment-request/accompaniment-request.loader';
import { AccompanimentRequestResolver } from './modules/accompaniment-request/accompaniment-request.resolver';
import { AccompanimentRequestEventResolver } from './modules/accompaniment-request-event/accompaniment-request-event.resolver';
import { isVisibleTo } from './modules/accompaniment-request/accompaniment-request.service';
import { AccompanimentStatsResolver } from './modules/accompaniment-stats/accompaniment-stats.resolver';
import { ArrondissementResolver } from './modules/arrondissement/arrondissement.resolver';
import { beneficiaryById } from './modules/beneficiary/beneficiary.loader';
import { BeneficiaryResolver } from './modules/beneficiary/beneficiary.resolver';
import { loadMission } from './modules/mission/mission.loader';
import { MissionResolver } from './modules/mission/mission.resolver';
import { assertMissionActor } from './modules/mission/mission.service';
import { volunteerById } from './modules/volunteer/volunteer.loader';
import { VolunteerResolver } from './modules/volunteer/volunteer.resolver';

/**
 * `_entities` applies the same rules as the root fields: the gateway never exposes it, but a
 * representation must not become a way around them should a future subgraph point at these types.
 * The resolvers are async so that a refusal fails its own entity, not the whole `_entities` list.
 */
function requireOperator(context: MobilityContext): void {
  if (!isOperator(context)) throw forbidden('Only operators can read this');
}

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
      AccompanimentRequest: {
        __resolveReference: async (reference: { id: string }, context: MobilityContext) => {
          if (!isOperator(context) && !volunteerSubject(context))
            throw forbidden('Only operators and volunteers can read requests');
          const request = await accompanimentRequestById(context).load(reference.id);
          return request && isVisibleTo(context, request) ? request : null;
        },
      },
      Mission: {
        __resolveReference: async (reference: { id: string }, context: MobilityContext) => {
          const mission = await loadMission(context, reference.id);
          assertMissionActor(context, mission?.volunteerId ?? null);
          return mission;
        },
      },
      Volunteer: {
        __resolveReference: async (reference: { id: string }, context: MobilityContext) => {
          requireOperator(context);
          return volunteerById(context).load(reference.id);
        },
      },
      Beneficiary: {
        __resolveReference: async (reference: { id: string }, context: MobilityContext) => {
          requireOperator(context);
          return beneficiaryById(context).load(reference.id);
        },
      },
    },
  });
}
