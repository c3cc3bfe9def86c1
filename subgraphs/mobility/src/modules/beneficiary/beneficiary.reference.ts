import type { MobilityContext } from '../../context';
import { requireOperator } from '../../privacy';
import { beneficiaryById } from './beneficiary.loader';

/**
 * `_entities` applies the same rules as the root fields (see accompaniment-request.reference.ts).
 * Async so that a refusal fails its own entity, not the whole `_entities` list.
 */
export const beneficiaryReference = {
  __resolveReference: async (reference: { id: string }, context: MobilityContext) => {
    requireOperator(context);
    return beneficiaryById(context).load(reference.id);
  },
};
