import { arrondissementReference } from '#platform/references';

/** Territory's Arrondissement, which this subgraph extends with the courses taught there. */
export const Arrondissement = arrondissementReference();
export type Arrondissement = InstanceType<typeof Arrondissement>;
