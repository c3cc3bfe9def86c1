import { idReference } from '#platform/references';

/** Territory's `District` (e.g. "clichy-batignolles") as the energy subgraph sees it. */
export const District = idReference('District');
export type District = InstanceType<typeof District>;
