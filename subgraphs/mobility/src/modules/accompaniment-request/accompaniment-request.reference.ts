import { forbidden } from '#platform/errors';
import type { MobilityContext } from '../../context';
import { isOperator, volunteerSubject } from '../../privacy';
import { accompanimentRequestById } from './accompaniment-request.loader';
import { isVisibleTo } from './accompaniment-request.service';

/**
 * `_entities` applies the same rules as the root fields: the gateway never exposes it, but a
 * representation must not become a way around them should a future subgraph point at this type.
 * Async so that a refusal fails its own entity, not the whole `_entities` list.
 */
export const accompanimentRequestReference = {
  __resolveReference: async (reference: { id: string }, context: MobilityContext) => {
    if (!isOperator(context) && !volunteerSubject(context))
      throw forbidden('Only operators and volunteers can read requests');
    const request = await accompanimentRequestById(context).load(reference.id);
    return request && isVisibleTo(context, request) ? request : null;
  },
};
