import 'reflect-metadata';
import path from 'node:path';
import { ensureDatabase, openDatabase } from '../platform/src/database';
import { prepareDatabase, startInProcessPlatform } from '../platform/src/platform';
import { SUBGRAPHS } from '../platform/src/registry';
import { measureQuery, printResults, type LoadResult } from './load';
import { BENCH_QUERIES } from './queries';

/**
 * `npm run bench`: the whole graph on the embedded PostgreSQL (or DATABASE_URL), seeded like a
 * first start, then each representative query under load. Figures are printed, never asserted.
 */
async function main(): Promise<void> {
  const projectRoot = path.join(__dirname, '..', '..');
  const database = await openDatabase(projectRoot);
  const url = new URL(database.url);
  url.pathname = '/ocg_bench';
  const benchUrl = url.toString();
  await ensureDatabase(benchUrl);
  await prepareDatabase(benchUrl, SUBGRAPHS, {
    openDataDir: process.env.PARIS_OPEN_DATA_DIR,
    scale: Number(process.env.SCALE ?? 1),
    seed: 2026,
  });
  const platform = await startInProcessPlatform(benchUrl, SUBGRAPHS);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
  const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
  try {
    const results: LoadResult[] = [];
    for (const { name, query } of BENCH_QUERIES) {
      results.push(await measureQuery(platform.gateway.url, name, query, { concurrency, durationMs }));
    }
    printResults(
      `Gateway queries — ${concurrency} concurrent clients, ${durationMs / 1000} s each, ${database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'} (client in the same process)`,
      results,
    );
  } finally {
    await platform.stop();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
