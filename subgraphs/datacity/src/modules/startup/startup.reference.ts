import type { DatacityContext } from '../../context';
import { startupById } from './startup.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const startupReference = {
  __resolveReference: (reference: { id: string }, context: DatacityContext) =>
    startupById(context).load(reference.id),
};
