import path from 'node:path';
import { ensureDatabase } from '#platform/database';
import { openDatabase } from '#platform/open-database';
import { prepareDatabase, startInProcessPlatform, type InProcessPlatform } from '#app/platform';
import { SUBGRAPHS } from '#app/registry';
import type { SubgraphDefinition } from '#platform/subgraph';

export interface BenchPlatform {
  platform: InProcessPlatform;
  /** The `ocg_bench` database the benchmarks read and write. */
  databaseUrl: string;
  /** Where the figures were taken, for the printed headings. */
  where: string;
  stop(): Promise<void>;
}

/**
 * The graph every benchmark measures: the embedded PostgreSQL (or DATABASE_URL), its own
 * `ocg_bench` database seeded like a first start (`scale`, `SCALE` by default, seed 2026; a
 * subgraph already seeded is kept as it is, whatever its scale), and the subgraphs started in this
 * process behind a gateway on a free port. `readingDays` scales the energy subgraph alone (days of
 * readings), so a full year of readings leaves the other generated lists at `scale`.
 */
export async function startBenchPlatform(
  definitions: SubgraphDefinition[] = SUBGRAPHS,
  databaseName = 'ocg_bench',
  scale = Number(process.env.SCALE ?? 1),
  readingDays = scale,
): Promise<BenchPlatform> {
  const database = await openDatabase(path.join(__dirname, '..', '..'));
  const url = new URL(database.url);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  for (const definition of definitions) {
    await prepareDatabase(databaseUrl, [definition], {
      openDataDir: process.env.PARIS_OPEN_DATA_DIR,
      scale: definition.name === 'energy' ? readingDays : scale,
      seed: 2026,
    });
  }
  const platform = await startInProcessPlatform(databaseUrl, definitions);
  return {
    platform,
    databaseUrl,
    where: database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL',
    async stop() {
      await platform.stop();
      await database.stop();
    },
  };
}
