import { groupByKeys, type BaseContext } from '#platform/context';
import type { ChallengeSelection } from './selection.entity';
import { SelectionService } from './selection.service';

/** The jury's selections per challenge, in selection order. */
export function selectionsByChallenge(context: BaseContext) {
  return context.loaders.get<string, ChallengeSelection[]>('selectionsByChallenge', async (challengeIds) =>
    groupByKeys(
      challengeIds,
      await new SelectionService(context.db).byChallenges(challengeIds),
      (row) => row.challengeId,
    ),
  );
}

/** The selections per start-up, in challenge order (season first). */
export function selectionsByStartup(context: BaseContext) {
  return context.loaders.get<string, ChallengeSelection[]>('selectionsByStartup', async (startupIds) =>
    groupByKeys(
      startupIds,
      await new SelectionService(context.db).byStartups(startupIds),
      (row) => row.startupId,
    ),
  );
}
