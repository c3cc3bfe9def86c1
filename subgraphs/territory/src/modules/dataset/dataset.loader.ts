import type { BaseContext } from '#platform/context';
import type { Dataset } from './dataset.entity';
import { DatasetService } from './dataset.service';

/** Catalog entries by id, described once per request however many fields or references ask. */
export function datasetById(context: BaseContext) {
  return context.loaders.get<string, Dataset | null>('datasetById', async (ids) => {
    const service = new DatasetService(context.db, context.catalog ?? [], context.publicUrl);
    return Promise.all(
      ids.map((id) => {
        const definition = service.definition(id);
        return definition ? service.describe(definition) : null;
      }),
    );
  });
}
