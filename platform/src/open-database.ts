import path from 'node:path';
import { ensureDatabase } from './database';
import { startEmbeddedCluster } from './embedded-postgres';
import { logger } from './logger';

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
