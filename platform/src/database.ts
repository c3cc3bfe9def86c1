import { Client } from 'pg';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { ServiceLogger } from './database-logger';
import { SnakeNamingStrategy } from './database-naming';
import { RequestBoundClient } from './request-binding';

export interface ServiceDataSourceOptions {
  url: string;
  /** The PostgreSQL schema that this service owns alone. */
  schema: string;
  // TypeORM's own types for entity and migration classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** A service's connection: its own schema first on the search path, `public` for shared extensions. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new ServiceLogger(options.schema),
    maxQueryExecutionTime: 2000,
    extra: {
      max: options.poolSize ?? 10,
      options: `-c search_path=${options.schema},public`,
      application_name: `ocg-${options.schema}`,
      Client: RequestBoundClient,
    },
  });
}

/** Node socket errors and PostgreSQL classes 08 (connection) and 57P (server shutting down / starting). */
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|08...|57P0[1-3])$/;

/**
 * Whether `error` (or what it wraps) says the database could not be reached, not that the query
 * was wrong: the request may be retried once PostgreSQL is back, and the pool reconnects by itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, message, driverError, originalError } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      originalError?: unknown;
    };
    if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
    if (typeof message === 'string' && /Connection terminated|connection timeout/i.test(message)) return true;
    current = driverError ?? originalError;
  }
  return false;
}

/** Creates the schema (and the extensions shared by all services), then runs pending migrations. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  const client = new Client({ connectionString: urlOf(dataSource) });
  await client.connect();
  try {
    // Extensions are database-wide: take a lock so services migrating at once do not race.
    await client.query('SELECT pg_advisory_lock(7510100)');
    await client.query('CREATE EXTENSION IF NOT EXISTS cube SCHEMA public');
    await client.query('CREATE EXTENSION IF NOT EXISTS earthdistance SCHEMA public');
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query('SELECT pg_advisory_unlock(7510100)');
  } finally {
    await client.end();
  }
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  return ran.map((migration) => migration.name);
}

function urlOf(dataSource: DataSource): string {
  const url = (dataSource.options as { url?: string }).url;
  if (!url) throw new Error('A service data source needs a connection URL');
  return url;
}

/** Creates `database` on the server `url` points at, if it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
