import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { ChallengeSite } from './site.entity';
import { ChallengeSiteService } from './site.service';

export function siteById(context: BaseContext) {
  return context.loaders.get<string, ChallengeSite | null>('siteById', async (ids) =>
    byKeys(ids, await new ChallengeSiteService(context.db).byIds(ids), (row) => row.id),
  );
}

export function sitesByChallenge(context: BaseContext) {
  return context.loaders.get<string, ChallengeSite[]>('sitesByChallenge', async (challengeIds) =>
    groupByKeys(
      challengeIds,
      await new ChallengeSiteService(context.db).byChallenges(challengeIds),
      (row) => row.challengeId,
    ),
  );
}
