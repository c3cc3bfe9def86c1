import type { DataSource, MixedList } from 'typeorm';
import { createServiceDataSource, migrate } from '#platform/database';

/** The gateway's own PostgreSQL schema: API keys and rate-limit counters. */
export const GATEWAY_SCHEMA = 'gateway';

// TypeORM's own type for migration classes.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Migrations = MixedList<Function | string>;

/** `migrations`: only for whoever migrates (the application's launcher); serving needs none. */
export function createGatewayDataSource(
  databaseUrl: string,
  poolSize = 4,
  migrations: Migrations = [],
): DataSource {
  return createServiceDataSource({
    url: databaseUrl,
    schema: GATEWAY_SCHEMA,
    entities: [],
    migrations,
    poolSize,
  });
}

/** Runs the gateway's pending migrations (the launcher and the test setup call it before starting). */
export async function migrateGateway(databaseUrl: string, migrations: Migrations): Promise<string[]> {
  const db = createGatewayDataSource(databaseUrl, 2, migrations);
  await db.initialize();
  try {
    return await migrate(db);
  } finally {
    await db.destroy();
  }
}
