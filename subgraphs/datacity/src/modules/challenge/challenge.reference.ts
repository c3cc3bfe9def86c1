import type { DatacityContext } from '../../context';
import { challengeById } from './challenge.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const challengeReference = {
  __resolveReference: (reference: { id: string }, context: DatacityContext) =>
    challengeById(context).load(reference.id),
};
