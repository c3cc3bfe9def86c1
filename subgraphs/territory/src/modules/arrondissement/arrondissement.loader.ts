import { byKeys, type BaseContext } from '#platform/context';
import type { Arrondissement } from './arrondissement.entity';
import { ArrondissementService } from './arrondissement.service';

/** Arrondissements by code, batched per request (federation `_entities` and nested fields). */
export function arrondissementByCode(context: BaseContext) {
  return context.loaders.get<number, Arrondissement | null>('arrondissementByCode', async (codes) =>
    byKeys(codes, await new ArrondissementService(context.db).byCodes(codes), (row) => row.code),
  );
}
