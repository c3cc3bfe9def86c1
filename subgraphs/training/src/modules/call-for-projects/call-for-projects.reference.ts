import type { TrainingContext } from '../../context';
import { callForProjectsByYear } from './call-for-projects.loader';

/** Federation's entry point: another subgraph's `{ year }` representation becomes this entity. */
export const callForProjectsReference = {
  __resolveReference: (reference: { year: number }, context: TrainingContext) =>
    callForProjectsByYear(context).load(reference.year),
};
