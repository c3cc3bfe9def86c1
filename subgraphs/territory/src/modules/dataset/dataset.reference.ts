import type { TerritoryContext } from '../../context';
import { datasetById } from './dataset.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const datasetReference = {
  __resolveReference: (reference: { id: string }, context: TerritoryContext) =>
    datasetById(context).load(reference.id),
};
