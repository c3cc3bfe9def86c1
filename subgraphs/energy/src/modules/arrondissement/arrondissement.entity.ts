import { arrondissementReference } from '#platform/references';

/** Territory's `Arrondissement` as the energy subgraph sees it: its key, plus the fields resolved here. */
export const Arrondissement = arrondissementReference();
export type Arrondissement = InstanceType<typeof Arrondissement>;
