import type { TerritoryContext } from '../../context';
import { districtById } from './district.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const districtReference = {
  __resolveReference: (reference: { id: string }, context: TerritoryContext) =>
    districtById(context).load(reference.id),
};
