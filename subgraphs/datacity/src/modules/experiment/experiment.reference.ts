import type { DatacityContext } from '../../context';
import { experimentById } from './experiment.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const experimentReference = {
  __resolveReference: (reference: { id: string }, context: DatacityContext) =>
    experimentById(context).load(reference.id),
};
