import { mobilityDatasets } from '#datasets/mobility/catalog';
import { isMobilitySeeded, seedMobility } from '#datasets/mobility/index';
import { mobilityMigrations } from '#migrations/mobility/index';
import type { SubgraphDefinition } from '#platform/subgraph';
import { mobility as mobilityService } from '#mobility/index';

/** The mobility subgraph joined with what feeds it: its migrations and its datasets. */
export const mobility: SubgraphDefinition = {
  ...mobilityService,
  migrations: mobilityMigrations,
  datasets: mobilityDatasets,
  isSeeded: isMobilitySeeded,
  seed: seedMobility,
};
