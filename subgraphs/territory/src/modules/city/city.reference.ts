import type { TerritoryContext } from '../../context';
import { cityById } from './city.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const cityReference = {
  __resolveReference: (reference: { id: string }, context: TerritoryContext) =>
    cityById(context).load(reference.id),
};
