import type { BaseContext } from '#platform/context';
import type { Connection, PageArgs } from '#platform/pagination';
import type { FillingLevelObservation } from './observation.entity';
import { ObservationService } from './observation.service';

/** One page of history per container, for every container of a request at once. */
export function observationsByContainer(context: BaseContext, page: PageArgs) {
  return context.loaders.get<string, Connection<FillingLevelObservation>>(
    'fillingLevelObservationsByContainer',
    async (containerIds) => new ObservationService(context.db).pageByContainers(containerIds, page),
    page,
  );
}
