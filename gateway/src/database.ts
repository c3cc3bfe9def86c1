import type { DataSource } from 'typeorm';
import { gatewayMigrations } from '../../migrations/gateway';
import { createServiceDataSource, migrate } from '../../platform/src/database';

/** The gateway's own PostgreSQL schema: API keys and rate-limit counters. */
export const GATEWAY_SCHEMA = 'gateway';

export function createGatewayDataSource(databaseUrl: string, poolSize = 4): DataSource {
  return createServiceDataSource({
    url: databaseUrl,
    schema: GATEWAY_SCHEMA,
    entities: [],
    migrations: gatewayMigrations,
    poolSize,
  });
}

/** Runs the gateway's pending migrations (the launcher and the test setup call it before starting). */
export async function migrateGateway(databaseUrl: string): Promise<string[]> {
  const db = createGatewayDataSource(databaseUrl, 2);
  await db.initialize();
  try {
    return await migrate(db);
  } finally {
    await db.destroy();
  }
}
