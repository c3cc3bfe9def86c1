import { byKeys, type BaseContext } from '#platform/context';
import type { TrainingProvider } from './provider.entity';
import { ProviderService } from './provider.service';

export function providerById(context: BaseContext) {
  return context.loaders.get<string, TrainingProvider | null>('providerById', async (ids) =>
    byKeys(ids, await new ProviderService(context.db).byIds(ids), (row) => row.id),
  );
}
