import { byKeys, type BaseContext } from '#platform/context';
import type { Connection, PageArgs } from '#platform/pagination';
import { selectionsByStartup } from '../selection/selection.loader';
import type { Challenge } from './challenge.entity';
import { ChallengeService } from './challenge.service';

export function challengeById(context: BaseContext) {
  return context.loaders.get<string, Challenge | null>('challengeById', async (ids) =>
    byKeys(ids, await new ChallengeService(context.db).byIds(ids), (row) => row.id),
  );
}

/** The challenges each start-up was selected for: one statement for the selections, one for the challenges. */
export function challengesByStartup(context: BaseContext) {
  return context.loaders.get<string, Challenge[]>('challengesByStartup', async (startupIds) => {
    const selections = await selectionsByStartup(context).loadMany(startupIds);
    return Promise.all(
      selections.map(async (group) => {
        if (group instanceof Error) return group;
        const challenges = await challengeById(context).loadMany(
          group.map((selection) => selection.challengeId),
        );
        return challenges.filter(
          (challenge): challenge is Challenge => challenge !== null && !(challenge instanceof Error),
        );
      }),
    );
  });
}

/**
 * `Arrondissement.challenges(first, after)`: one loader per page arguments, all arrondissements in
 * one batch; `rows: false` counts only.
 */
export function challengePageByArrondissement(context: BaseContext, page: PageArgs, rows: boolean) {
  return context.loaders.get<number, Connection<Challenge>>(
    'challengePageByArrondissement',
    (codes) => new ChallengeService(context.db).pageByArrondissements(codes, page, rows),
    { first: page.first ?? null, after: page.after ?? null, rows },
  );
}
