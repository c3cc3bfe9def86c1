import { idReference } from '#platform/references';

/** Datacity's Startup, which this subgraph extends with the courses it sponsors and the trainees it hired. */
export const Startup = idReference('Startup');
export type Startup = InstanceType<typeof Startup>;
