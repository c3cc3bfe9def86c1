import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { TrainingHire } from './hire.entity';
import { HireService } from './hire.service';

export function hiresByCohort(context: BaseContext) {
  return context.loaders.get<string, TrainingHire[]>('hiresByCohort', async (cohortIds) =>
    groupByKeys(cohortIds, await new HireService(context.db).byCohorts(cohortIds), (row) => row.cohortId),
  );
}

/** Trainees each start-up hired; 0 for a start-up that hired none. */
export function traineesHiredByStartup(context: BaseContext) {
  return context.loaders.get<string, number>('traineesHiredByStartup', async (startupIds) =>
    byKeys(
      startupIds,
      await new HireService(context.db).totalsByStartups(startupIds),
      (row) => row.startupId,
    ).map((row) => row?.trainees ?? 0),
  );
}
