import type { EnergyContext } from '../../context';
import { meterById } from './meter.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const meterReference = {
  __resolveReference: (reference: { id: string }, context: EnergyContext) =>
    meterById(context).load(reference.id),
};
