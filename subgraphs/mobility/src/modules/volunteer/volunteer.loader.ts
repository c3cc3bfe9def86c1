import { byKeys, type BaseContext } from '#platform/context';
import type { Volunteer } from './volunteer.entity';
import { VolunteerService } from './volunteer.service';

export function volunteerById(context: BaseContext) {
  return context.loaders.get<string, Volunteer | null>('volunteerById', async (ids) =>
    byKeys(ids, await new VolunteerService(context.db).byIds(ids), (row) => row.id),
  );
}
