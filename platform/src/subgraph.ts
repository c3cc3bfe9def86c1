import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { BaseContext } from './context';
import type { EventPositionFields } from './events/position';
import type { DatasetDefinition } from './exports/definition';
import type { SubgraphName } from './subgraphs';

export interface SeedOptions {
  /** A folder of real Opendatasoft exports (`PARIS_OPEN_DATA_DIR`); without it, data is generated. */
  openDataDir?: string;
  /** Multiplies the generated volume; 1 starts in seconds. */
  scale: number;
  /** The generators' random seed: the same seed and scale always give the same rows. */
  seed: number;
}

/** What a dataset import or generation wrote, for the start log and the catalog. */
export interface SeedReport {
  dataset: string;
  rows: number;
  source: 'open-data' | 'reference' | 'generated';
}

/** What a subgraph's own code declares: its name, its TypeORM entities and its federated schema. */
export interface SubgraphService {
  name: SubgraphName;
  // TypeORM's own types for entity and migration classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  buildSchema(): Promise<GraphQLSchema>;
  /** Its root query fields answering a stream's position, read before the rest of a query (events/position.ts). */
  eventPositions?: EventPositionFields;
}

/**
 * Everything the platform needs to migrate, seed and serve one subgraph: the service joined by the
 * application (app/registry.ts) with the migrations and datasets that feed it.
 */
export interface SubgraphDefinition extends SubgraphService {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Whether the subgraph's tables hold data already (a restart must not seed again). */
  isSeeded(db: DataSource): Promise<boolean>;
  seed(db: DataSource, options: SeedOptions): Promise<SeedReport[]>;
  /** The catalog datasets this subgraph publishes and streams at /export/<id>.<format> (for the gateway). */
  datasets?: DatasetDefinition[];
}

export type { BaseContext };
