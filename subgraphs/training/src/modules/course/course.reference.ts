import type { TrainingContext } from '../../context';
import { courseById } from './course.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const courseReference = {
  __resolveReference: (reference: { id: string }, context: TrainingContext) =>
    courseById(context).load(reference.id),
};
