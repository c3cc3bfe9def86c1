import { inject } from 'vitest';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, migrate } from '#platform/database';
import type { SubgraphDefinition } from '#platform/subgraph';

/**
 * A subgraph's tables migrated from zero in a scratch schema of the test database: a test may
 * replace and break imports there without disturbing the schema the other tests read. Dropped by
 * `drop()` (call it in afterAll).
 */
export async function openScratchSchema(
  definition: SubgraphDefinition,
  schema: string,
  poolSize?: number,
): Promise<{ db: DataSource; drop(): Promise<void> }> {
  const db = createServiceDataSource({
    url: inject('databaseUrl'),
    schema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize,
  });
  await db.initialize();
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await migrate(db);
  return {
    db,
    async drop() {
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.destroy();
    },
  };
}
