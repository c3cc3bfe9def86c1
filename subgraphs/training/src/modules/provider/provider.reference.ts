import type { TrainingContext } from '../../context';
import { providerById } from './provider.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const providerReference = {
  __resolveReference: (reference: { id: string }, context: TrainingContext) =>
    providerById(context).load(reference.id),
};
