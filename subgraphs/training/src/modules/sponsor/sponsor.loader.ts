import { byKeys, type BaseContext } from '#platform/context';
import type { TrainingSponsor } from './sponsor.entity';
import { SponsorService } from './sponsor.service';

export function sponsorById(context: BaseContext) {
  return context.loaders.get<string, TrainingSponsor | null>('sponsorById', async (ids) =>
    byKeys(ids, await new SponsorService(context.db).byIds(ids), (row) => row.id),
  );
}
