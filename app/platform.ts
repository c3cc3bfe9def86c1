import { randomBytes } from 'node:crypto';
import { migrateGateway } from '#gateway/database';
import { startGateway } from '#gateway/server';
import type { GatewaySecurityOptions, RunningGateway } from '#gateway/options';
import { composeSupergraph, subgraphSdl } from '#platform/composition';
import { createServiceDataSource, migrate } from '#platform/database';
import { logger } from '#platform/logger';
import { startSubgraph, type RunningSubgraph } from '#platform/server';
import type { SeedOptions, SeedReport, SubgraphDefinition } from '#platform/subgraph';
import type { SubgraphName } from '#platform/subgraphs';
import { gatewayMigrations } from '#migrations/gateway/index';
import { CATALOG } from '#datasets/catalog';

/** Runs the gateway's and every subgraph's pending migrations, then seeds the subgraphs that hold no data yet. */
export async function prepareDatabase(
  databaseUrl: string,
  definitions: SubgraphDefinition[],
  seedOptions: SeedOptions,
): Promise<SeedReport[]> {
  const reports: SeedReport[] = [];
  const gatewayRan = await migrateGateway(databaseUrl, gatewayMigrations);
  if (gatewayRan.length > 0) logger.info({ service: 'gateway', migrations: gatewayRan }, 'migrated');
  for (const definition of definitions) {
    const db = createServiceDataSource({
      url: databaseUrl,
      schema: definition.name,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: 2,
    });
    await db.initialize();
    try {
      const ran = await migrate(db);
      if (ran.length > 0) logger.info({ subgraph: definition.name, migrations: ran }, 'migrated');
      if (!(await definition.isSeeded(db))) {
        const started = Date.now();
        const seeded = await definition.seed(db, seedOptions);
        logger.info({ subgraph: definition.name, datasets: seeded, ms: Date.now() - started }, 'seeded');
        reports.push(...seeded);
      }
    } finally {
      await db.destroy();
    }
  }
  return reports;
}

export interface InProcessPlatform {
  gateway: RunningGateway;
  subgraphs: RunningSubgraph[];
  supergraphSdl: string;
  gatewaySecret: string;
  stop(): Promise<void>;
}

/**
 * The whole graph in one process on free ports, composed from the live schemas: what the tests
 * and benchmarks drive over real HTTP. `npm start` runs the same services as separate processes.
 */
export async function startInProcessPlatform(
  databaseUrl: string,
  definitions: SubgraphDefinition[],
  // Rate limiting stays off unless asked for: tests and benchmarks send bursts from one address.
  options: { gatewayPort?: number; gateway?: GatewaySecurityOptions } = {},
): Promise<InProcessPlatform> {
  const gatewaySecret = randomBytes(32).toString('hex');
  const subgraphs = await Promise.all(
    definitions.map((definition) =>
      startSubgraph(definition, { databaseUrl, gatewaySecret, port: 0, catalog: CATALOG }),
    ),
  );
  const urls = Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, subgraph.url])) as Partial<
    Record<SubgraphName, string>
  >;
  const supergraphSdl = composeSupergraph(
    subgraphs.map((subgraph) => ({ name: subgraph.name, sdl: subgraphSdl(subgraph.schema) })),
    urls,
  );
  const gateway = await startGateway({
    rateLimit: false,
    ...options.gateway,
    port: options.gatewayPort ?? 0,
    supergraphSdl,
    gatewaySecret,
    databaseUrl,
  });
  return {
    gateway,
    subgraphs,
    supergraphSdl,
    gatewaySecret,
    async stop() {
      await gateway.stop();
      await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
    },
  };
}
