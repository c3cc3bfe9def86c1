import type { MobilityContext } from '../../context';
import { loadMission } from './mission.loader';
import { assertMissionActor } from './mission.service';

/**
 * `_entities` applies the same rules as the root fields (see accompaniment-request.reference.ts).
 * Async so that a refusal fails its own entity, not the whole `_entities` list.
 */
export const missionReference = {
  __resolveReference: async (reference: { id: string }, context: MobilityContext) => {
    const mission = await loadMission(context, reference.id);
    assertMissionActor(context, mission?.volunteerId ?? null);
    return mission;
  },
};
