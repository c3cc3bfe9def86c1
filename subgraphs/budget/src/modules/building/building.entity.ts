import { idReference } from '#platform/references';

/** The energy subgraph's public Building, which a project may renovate or equip. */
export const Building = idReference('Building');
export type Building = InstanceType<typeof Building>;
