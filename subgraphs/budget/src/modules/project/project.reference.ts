import type { BudgetContext } from '../../context';
import { projectById } from './project.loader';
import { parseProjectId } from './project.service';

/** Federation's entry point: another subgraph's `{ id }` representation becomes this entity. */
export const projectReference = {
  __resolveReference: (reference: { id: string }, context: BudgetContext) => {
    const id = parseProjectId(reference.id);
    return id === null ? null : projectById(context).load(id);
  },
};
