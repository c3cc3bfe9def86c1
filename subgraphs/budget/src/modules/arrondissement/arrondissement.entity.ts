import { arrondissementReference } from '#platform/references';

/** The territory subgraph's Arrondissement, to which this subgraph adds its `budgetProjects`. */
export const Arrondissement = arrondissementReference();
export type Arrondissement = InstanceType<typeof Arrondissement>;
