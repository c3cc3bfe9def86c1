import type { DatacityContext } from '../../context';
import { siteById } from './site.loader';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const challengeSiteReference = {
  __resolveReference: (reference: { id: string }, context: DatacityContext) =>
    siteById(context).load(reference.id),
};
