import { arrondissementReference } from '#platform/references';

/** Mobility's stub of the territory-owned Arrondissement, onto which it adds `accompanimentStats`. */
export const Arrondissement = arrondissementReference();
export type Arrondissement = InstanceType<typeof Arrondissement>;
