import type { WasteContext } from '../../context';
import { stationById } from './station.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const stationReference = {
  __resolveReference: (reference: { id: string }, context: WasteContext) =>
    stationById(context).load(reference.id),
};
