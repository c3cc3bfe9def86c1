import type { MobilityContext } from '../../context';
import { requireOperator } from '../../privacy';
import { volunteerById } from './volunteer.loader';

/**
 * `_entities` applies the same rules as the root fields (see accompaniment-request.reference.ts).
 * Async so that a refusal fails its own entity, not the whole `_entities` list.
 */
export const volunteerReference = {
  __resolveReference: async (reference: { id: string }, context: MobilityContext) => {
    requireOperator(context);
    return volunteerById(context).load(reference.id);
  },
};
