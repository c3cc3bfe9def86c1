import type { TrainingContext } from '../../context';
import { sponsorById } from './sponsor.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const sponsorReference = {
  __resolveReference: (reference: { id: string }, context: TrainingContext) =>
    sponsorById(context).load(reference.id),
};
