import 'reflect-metadata';
import { measureQuery, printResults, type LoadResult } from './load';
import { startBenchPlatform } from './platform';

/** A hand-drawn neighbourhood around the Batignolles: what a start-up would send as `within.polygon`. */
const POLYGON = {
  type: 'Polygon',
  coordinates: [
    [
      [2.3, 48.88],
      [2.33, 48.878],
      [2.335, 48.895],
      [2.31, 48.9],
      [2.3, 48.88],
    ],
  ],
};

/** Each exploring query beside its peer: the same list without the feature measured. */
const PAIRS: { name: string; query: string }[] = [
  {
    name: 'peer: buildings, first 20',
    query: '{ buildings(first: 20) { totalCount edges { node { id name } } } }',
  },
  {
    name: 'search: buildings "ecole", by relevance',
    query: '{ buildings(first: 20, filter: { search: "ecole" }) { totalCount edges { node { id name } } } }',
  },
  {
    name: 'peer: waste stations in a bbox',
    query:
      '{ wasteStations(first: 20, filter: { bbox: { south: 48.878, west: 2.3, north: 48.9, east: 2.335 } }) { totalCount edges { node { id } } } }',
  },
  {
    name: 'within: waste stations in a polygon',
    query: `{ wasteStations(first: 20, filter: { within: { polygon: ${JSON.stringify(POLYGON).replace(/"(\w+)":/g, '$1:')} } }) { totalCount edges { node { id } } } }`,
  },
  {
    name: 'within: buildings in the 17th (official boundary)',
    query:
      '{ buildings(first: 20, filter: { within: { arrondissement: 17 } }) { totalCount edges { node { id } } } }',
  },
  {
    name: 'peer: trainingCourses totalCount',
    query: '{ trainingCourses(first: 20) { totalCount edges { node { id } } } }',
  },
  {
    name: 'facets: trainingCourses YEAR, FORMAT, SKILL_DOMAIN',
    query:
      '{ trainingCourses(first: 20) { totalCount edges { node { id } } facets(fields: [YEAR, FORMAT, SKILL_DOMAIN]) { field values { value count } } } }',
  },
];

/**
 * `npm run bench:explore`: search, `within` and facets, each beside a peer query measured in the
 * same run (the machine may be shared: read the ratios). `BENCH_SCALE` days of readings (1 by
 * default, 365 the full year) are seeded once into `ocg_bench_explore` (`ocg_bench_explore_<scale>`
 * at another scale) and kept, the other subgraphs at scale 1 (their generators would multiply
 * their lists by the scale); the lists explored do not grow with the readings, the database does. Every
 * query first runs unmeasured for `BENCH_WARMUP_SECONDS` (1) before any is measured, so JIT, pools
 * and plan caches are warm for all alike and the first peer does not absorb the warm-up. The
 * response cache is off (`BENCH_RESPONSE_CACHE=on` keeps it): repeated identical queries would
 * otherwise measure cache hits, not the SQL.
 */
async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  if (!(scale > 0))
    throw new Error(`BENCH_SCALE must be a positive number of days (got ${process.env.BENCH_SCALE})`);
  const responseCache = process.env.BENCH_RESPONSE_CACHE === 'on';
  if (!responseCache) process.env.RESPONSE_CACHE_ENTRIES = '0';
  const bench = await startBenchPlatform(
    undefined,
    scale === 1 ? 'ocg_bench_explore' : `ocg_bench_explore_${String(scale).replace('.', '_')}`,
    1,
    scale,
  );
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
  const durationMs = Number(process.env.BENCH_SECONDS ?? 3) * 1000;
  const warmUpMs = Number(process.env.BENCH_WARMUP_SECONDS ?? 1) * 1000;
  const url = bench.platform.gateway.url;
  try {
    for (const { name, query } of PAIRS) {
      const warmUp = await measureQuery(url, name, query, { concurrency, durationMs: warmUpMs });
      if (warmUp.errors > 0) throw new Error(`${name}: ${warmUp.errors} errors during the warm-up`);
    }
    const results: LoadResult[] = [];
    for (const { name, query } of PAIRS)
      results.push(await measureQuery(url, name, query, { concurrency, durationMs }));
    printResults(
      `Exploring — ${scale} day(s) of readings, response cache ${responseCache ? 'on' : 'off'}, ${concurrency} concurrent clients, ` +
        `${warmUpMs / 1000} s warm-up per query first, then ${durationMs / 1000} s each, ${bench.where}`,
      results,
    );
    const byName = new Map(results.map((result) => [result.name, result]));
    const ratio = (feature: string, peer: string) =>
      ((byName.get(feature)?.p50Ms ?? NaN) / (byName.get(peer)?.p50Ms ?? NaN)).toFixed(2);
    console.log(
      `p50 ratios to peers: search ${ratio(PAIRS[1].name, PAIRS[0].name)}, within polygon ${ratio(PAIRS[3].name, PAIRS[2].name)}, ` +
        `within arrondissement ${ratio(PAIRS[4].name, PAIRS[0].name)}, facets ${ratio(PAIRS[6].name, PAIRS[5].name)}`,
    );
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
