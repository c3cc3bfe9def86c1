import 'reflect-metadata';
import { startBenchPlatform } from './platform';
import { measureQuery, printResults, type LoadResult } from './load';
import { BENCH_QUERIES } from './queries';

/**
 * `npm run bench`: the whole graph on the embedded PostgreSQL (or DATABASE_URL), seeded like a
 * first start, then each representative query under load. Figures are printed, never asserted.
 */
async function main(): Promise<void> {
  const bench = await startBenchPlatform();
  const { platform } = bench;
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
  const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
  try {
    const results: LoadResult[] = [];
    for (const { name, query } of BENCH_QUERIES) {
      results.push(await measureQuery(platform.gateway.url, name, query, { concurrency, durationMs }));
    }
    printResults(
      `Gateway queries — ${concurrency} concurrent clients, ${durationMs / 1000} s each, ${bench.where} (client in the same process)`,
      results,
    );
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
