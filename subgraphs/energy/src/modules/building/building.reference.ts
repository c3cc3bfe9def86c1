import type { EnergyContext } from '../../context';
import { buildingById } from './building.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const buildingReference = {
  __resolveReference: (reference: { id: string }, context: EnergyContext) =>
    buildingById(context).load(reference.id),
};
