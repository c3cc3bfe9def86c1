import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApiKeyStore } from '#gateway/api-keys';
import { createGatewayDataSource, migrateGateway } from '#gateway/database';
import { SUBGRAPH_NAMES } from '#platform/subgraphs';
import { launchBenchPlatform } from './launcher';
import { measureQuery, type LoadResult } from './load';
import { OWN_GRAPH_QUERIES } from './queries';
import { gatewayMigrations } from '#migrations/gateway/index';

/** CPU time (user + system) processes have used so far, in ms (Linux /proc, clock ticks of 10 ms). */
function cpuMs(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
    total += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return total;
}

/**
 * `npm run bench:graph`: our own graph as `npm start` runs it (every service its own process), with
 * rate limits and an API key on, and the two queries of issue 9 at `BENCH_CONCURRENCY` (50)
 * connections for `BENCH_SECONDS` (5) each. Prints req/s, p50/p99 and the CPU each service spent
 * per request. Figures are printed, never asserted; the machine may be shared, so compare runs
 * taken side by side.
 */
async function main(): Promise<void> {
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
  const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('bench:graph needs DATABASE_URL (its BENCH_DATABASE is created there)');
  const url = new URL(databaseUrl);
  url.pathname = `/${process.env.BENCH_DATABASE ?? 'ocg_bench_graph'}`;
  // Rate limits on, with a tier large enough that the benchmark measures the work, not refusals.
  const platform = await launchBenchPlatform({
    DATABASE_URL: url.toString(),
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_TIERS: 'bench=100000000',
  });
  try {
    await migrateGateway(url.toString(), gatewayMigrations);
    const db = createGatewayDataSource(url.toString(), 1);
    await db.initialize();
    const { key } = await new ApiKeyStore(db).create({ role: 'public', tier: 'bench', label: 'bench:graph' });
    await db.destroy();
    const services = ['gateway', ...SUBGRAPH_NAMES];
    // The gateway's CPU includes its cluster workers (`GATEWAY_WORKERS`, one per core by default).
    const pids = new Map(services.map((service) => [service, platform.pidsOf(service)]));
    const rows: Record<string, string | number>[] = [];
    for (const { name, query } of OWN_GRAPH_QUERIES) {
      // The answer's digest, so runs before and after a change show they answer the same.
      const answer = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query }),
      }).then((response) => response.text());
      const digest = createHash('sha256').update(answer).digest('hex').slice(0, 12);
      const before = new Map([...pids].map(([service, group]) => [service, cpuMs(group)]));
      const result: LoadResult = await measureQuery(platform.gatewayUrl, name, query, {
        concurrency,
        durationMs,
        headers: { 'x-api-key': key },
      });
      const row: Record<string, string | number> = {
        query: name,
        'req/s': Math.round(result.requestsPerSecond),
        'p50 ms': result.p50Ms.toFixed(1),
        'p99 ms': result.p99Ms.toFixed(1),
        errors: result.errors,
        answer: digest,
      };
      // Warm-up requests are counted too: 20 of them, before the measured ones.
      const counted = result.requests + 20;
      for (const [service, group] of pids) {
        if (group.length === 0) continue;
        const spent = cpuMs(group) - (before.get(service) ?? 0);
        if (spent > 0) row[`${service} ms`] = (spent / counted).toFixed(2);
      }
      rows.push(row);
    }
    console.log(
      `\nOur own graph — launcher, every service its own process (gateway: ${pids.get('gateway')?.length ?? 0} processes), rate limits and API key on, response cache ${process.env.RESPONSE_CACHE_ENTRIES === '0' ? 'off' : 'on'}, ${concurrency} connections, ${durationMs / 1000} s each (CPU per request per service, ms)`,
    );
    console.table(rows);
  } finally {
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
