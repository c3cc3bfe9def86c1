import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { Project } from './project.entity';
import { ProjectService } from './project.service';

export function projectById(context: BaseContext) {
  return context.loaders.get<string, Project | null>('projectById', async (ids) =>
    byKeys(ids, await new ProjectService(context.db).byIds(ids), (row) => row.id),
  );
}

/** `District.projects`: one batch for every district of the request. */
export function projectsByDistrict(context: BaseContext) {
  return context.loaders.get<string, Project[]>('projectsByDistrict', async (districtIds) =>
    groupByKeys(
      districtIds,
      await new ProjectService(context.db).byDistricts(districtIds),
      (row) => row.districtId,
    ),
  );
}
