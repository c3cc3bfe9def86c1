import type { TerritoryContext } from '../../context';
import { projectById } from './project.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const projectReference = {
  __resolveReference: (reference: { id: string }, context: TerritoryContext) =>
    projectById(context).load(reference.id),
};
