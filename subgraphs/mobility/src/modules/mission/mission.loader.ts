import type { BaseContext } from '#platform/context';
import { accompanimentRequestById } from '../accompaniment-request/accompaniment-request.loader';
import { Mission } from './mission.entity';

/** Missions by id: the requests of the same ids that have a volunteer (batched with them). */
export async function loadMission(context: BaseContext, id: string): Promise<Mission | null> {
  const request = await accompanimentRequestById(context).load(id);
  return request?.volunteerId ? Mission.of(request) : null;
}
