import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { Client, type ClientConfig } from 'pg';
import {
  DataSource,
  DefaultNamingStrategy,
  type Logger,
  type MixedList,
  type NamingStrategyInterface,
  type EntitySchema,
} from 'typeorm';
import { startEmbeddedCluster } from './embedded-postgres';
import { logger } from './logger';
import { endsTransaction } from './observability/statement-timeout';

/** Columns and tables in snake_case, so SQL users and exports read `filling_level`, not `"fillingLevel"`. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  private static snake(name: string): string {
    return name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
      .toLowerCase();
  }

  override tableName(className: string, customName: string | undefined): string {
    return customName ?? SnakeNamingStrategy.snake(className);
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return SnakeNamingStrategy.snake([...prefixes, customName ?? propertyName].join('_'));
  }

  override relationName(propertyName: string): string {
    return SnakeNamingStrategy.snake(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return SnakeNamingStrategy.snake(`${relationName}_${referencedColumnName}`);
  }
}

/**
 * Counts the SQL statements each service sends. Tests read it to prove that a list query with
 * nested fields costs a fixed number of statements, whatever its page size (no N+1).
 */
export const sqlStatementCounter = {
  bySchema: new Map<string, number>(),
  total(): number {
    let sum = 0;
    for (const count of this.bySchema.values()) sum += count;
    return sum;
  },
  reset(): void {
    this.bySchema.clear();
  },
};

class ServiceLogger implements Logger {
  constructor(private readonly schema: string) {}

  logQuery(): void {
    sqlStatementCounter.bySchema.set(this.schema, (sqlStatementCounter.bySchema.get(this.schema) ?? 0) + 1);
  }

  logQueryError(error: string | Error, query: string): void {
    logger.debug({ schema: this.schema, err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    logger.warn({ schema: this.schema, time, query: query.slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(): void {}
  logMigration(message: string): void {
    logger.info({ schema: this.schema }, message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger.warn({ schema: this.schema }, String(message));
  }
}

/** The HTTP request a query runs for: its abort signal, and when its statements must be over. */
interface RequestBinding {
  signal: AbortSignal;
  /** performance.now() time: the statement_timeout of each statement is what remains until then. */
  deadline?: number;
}

/** Set by the subgraph server around each GraphQL request. */
const requestBinding = new AsyncLocalStorage<RequestBinding>();

/**
 * Runs `work` for a request: a statement it has running when `signal` aborts is cancelled, and
 * none outlives `deadline` (the operation's timeout, as the gateway forwards it).
 */
export function runForRequest<T>(signal: AbortSignal, work: () => T, deadline?: number): T {
  return requestBinding.run({ signal, deadline }, work);
}

/** What PostgreSQL answers a cancelled statement: the callers already handle it. */
class AbandonedStatementError extends Error {
  readonly code = '57014';
  constructor() {
    super('canceling statement: its request was abandoned');
  }
}

function statementText(statement: unknown): unknown {
  return typeof statement === 'object' && statement !== null
    ? (statement as { text?: unknown }).text
    : statement;
}

/**
 * The pool's connection class: when the request a statement runs for is given up (the gateway
 * timed out and closed it), the statement is cancelled with pg_cancel_backend, so PostgreSQL stops
 * working for nobody; a statement that would start after that is refused (a ROLLBACK still runs).
 * A request's statements run with statement_timeout set to what remains of its operation's budget,
 * so PostgreSQL ends them itself even if the cancellation is lost; the session gets its default
 * back before a statement outside any request.
 */
class RequestBoundClient extends Client {
  /** The request whose budget this session's statement_timeout holds, if any. */
  private timedFor?: RequestBinding;

  constructor(private readonly settings: ClientConfig) {
    super(settings);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    const setting = (value: string) =>
      (query(`SET statement_timeout = ${value}`) as Promise<unknown>).then(
        () => undefined,
        () => undefined,
      );
    this.query = ((...args: unknown[]) => {
      const binding = requestBinding.getStore();
      const callback = args[args.length - 1];
      if (binding?.signal.aborted && !endsTransaction(statementText(args[0]))) {
        if (typeof callback === 'function') return void callback(new AbandonedStatementError());
        return Promise.reject(new AbandonedStatementError());
      }
      // Streams (exports) and callbacks never run for a request: only promised statements are timed.
      const promised =
        typeof callback !== 'function' && typeof (args[0] as { submit?: unknown }).submit !== 'function';
      let timed: Promise<void> | undefined;
      if (promised && binding?.deadline !== undefined && this.timedFor !== binding) {
        this.timedFor = binding;
        timed = setting(String(Math.max(1, Math.ceil(binding.deadline - performance.now()))));
      } else if (promised && !binding?.deadline && this.timedFor) {
        this.timedFor = undefined;
        timed = setting('DEFAULT');
      }
      const result = timed ? timed.then(() => query(...args)) : query(...args);
      if (!binding || !(result instanceof Promise)) return result;
      const { signal } = binding;
      const cancel = () => void this.cancelStatement();
      signal.addEventListener('abort', cancel, { once: true });
      return result.finally(() => signal.removeEventListener('abort', cancel));
    }) as Client['query'];
  }

  private async cancelStatement(): Promise<void> {
    // The backend's pid, which pg keeps from the server's BackendKeyData but does not type.
    const { processID } = this as unknown as { processID: number };
    const admin = new Client({ ...this.settings, application_name: 'ocg-cancel' });
    try {
      await admin.connect();
      await admin.query('SELECT pg_cancel_backend($1)', [processID]);
    } catch (error) {
      logger.warn({ err: error }, 'could not cancel the statement of an abandoned request');
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
}

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

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const DEFAULT_DATABASE_NAME = 'open_city_graph';

/**
 * The database the platform runs on: `DATABASE_URL` when set, otherwise a real PostgreSQL started
 * from the embedded-postgres binaries in the project folder (created on first start, kept after).
 */
export async function openDatabase(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningDatabase> {
  if (env.DATABASE_URL) {
    await ensureDatabase(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
  const cluster = await startEmbeddedCluster({
    projectRoot,
    databaseDir: env.EMBEDDED_PG_DIR ?? path.join(projectRoot, '.data', 'postgres'),
    port,
    user: 'postgres',
    password: 'open-city-graph',
  });
  const { databaseDir } = cluster;
  const url = `postgres://postgres:open-city-graph@127.0.0.1:${port}/${DEFAULT_DATABASE_NAME}`;
  await ensureDatabase(url);
  logger.info({ port, databaseDir }, 'embedded PostgreSQL is running');
  return { url, embedded: true, stop: () => cluster.stop() };
}
