import type { BudgetContext } from '../../context';
import { editionByYear } from './edition.loader';

/** Federation's entry point: another subgraph's `{ year }` representation becomes this entity. */
export const editionReference = {
  __resolveReference: (reference: { year: number }, context: BudgetContext) =>
    editionByYear(context).load(reference.year),
};
