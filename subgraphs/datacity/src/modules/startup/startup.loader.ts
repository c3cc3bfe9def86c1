import { byKeys, type BaseContext } from '#platform/context';
import { selectionsByChallenge } from '../selection/selection.loader';
import type { Startup } from './startup.entity';
import { StartupService } from './startup.service';

export function startupById(context: BaseContext) {
  return context.loaders.get<string, Startup | null>('startupById', async (ids) =>
    byKeys(ids, await new StartupService(context.db).byIds(ids), (row) => row.id),
  );
}

/** The start-ups each challenge selected: one statement for the selections, one for the start-ups. */
export function startupsByChallenge(context: BaseContext) {
  return context.loaders.get<string, Startup[]>('startupsByChallenge', async (challengeIds) => {
    const selections = await selectionsByChallenge(context).loadMany(challengeIds);
    return Promise.all(
      selections.map(async (group) => {
        if (group instanceof Error) return group;
        const startups = await startupById(context).loadMany(group.map((selection) => selection.startupId));
        return startups.filter(
          (startup): startup is Startup => startup !== null && !(startup instanceof Error),
        );
      }),
    );
  });
}
