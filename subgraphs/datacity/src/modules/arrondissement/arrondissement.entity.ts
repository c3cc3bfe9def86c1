import { arrondissementReference } from '#platform/references';

/** The territory subgraph's Arrondissement, which this subgraph extends with its challenges. */
export const Arrondissement = arrondissementReference();
export type Arrondissement = InstanceType<typeof Arrondissement>;
