import type { TrainingContext } from '../../context';
import { cohortById } from './cohort.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const cohortReference = {
  __resolveReference: (reference: { id: string }, context: TrainingContext) =>
    cohortById(context).load(reference.id),
};
