import { byKeys, type BaseContext } from '#platform/context';
import type { TrainingCallForProjects } from './call-for-projects.entity';
import { CallForProjectsService } from './call-for-projects.service';

export function callForProjectsByYear(context: BaseContext) {
  return context.loaders.get<number, TrainingCallForProjects | null>('callForProjectsByYear', async (years) =>
    byKeys(years, await new CallForProjectsService(context.db).byYears(years), (row) => row.year),
  );
}

/** Places funded by each call; 0 for a call that funded no course. */
export function placesFundedByYear(context: BaseContext) {
  return context.loaders.get<number, number>('placesFundedByYear', async (years) =>
    byKeys(years, await new CallForProjectsService(context.db).placesFunded(years), (row) => row.year).map(
      (row) => row?.places ?? 0,
    ),
  );
}
