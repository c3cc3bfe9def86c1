import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { Experiment } from './experiment.entity';
import { ExperimentService } from './experiment.service';

export function experimentById(context: BaseContext) {
  return context.loaders.get<string, Experiment | null>('experimentById', async (ids) =>
    byKeys(ids, await new ExperimentService(context.db).byIds(ids), (row) => row.id),
  );
}

function experimentsBy(context: BaseContext, column: 'challengeId' | 'startupId' | 'siteId') {
  return context.loaders.get<string, Experiment[]>(`experimentsBy:${column}`, async (keys) =>
    groupByKeys(keys, await new ExperimentService(context.db).byColumn(column, keys), (row) => row[column]),
  );
}

export const experimentsByChallenge = (context: BaseContext) => experimentsBy(context, 'challengeId');
export const experimentsByStartup = (context: BaseContext) => experimentsBy(context, 'startupId');
export const experimentsBySite = (context: BaseContext) => experimentsBy(context, 'siteId');
