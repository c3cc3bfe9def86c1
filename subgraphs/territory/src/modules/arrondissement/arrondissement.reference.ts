import type { TerritoryContext } from '../../context';
import { arrondissementByCode } from './arrondissement.loader';

/** Federation's entry point: another subgraph's `{ code }` representation becomes this entity. */
export const arrondissementReference = {
  __resolveReference: (reference: { code: number }, context: TerritoryContext) =>
    arrondissementByCode(context).load(reference.code),
};
