import { performance } from 'node:perf_hooks';

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/**
 * Sends one GraphQL operation from `concurrency` loops for `durationMs`, after a short warm-up,
 * and reports throughput and latency percentiles. Bounded in time and count; loopback only.
 */
export async function measureQuery(
  url: string,
  name: string,
  query: string,
  options: { concurrency: number; durationMs: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const body = JSON.stringify({ query });
  const headers = { 'content-type': 'application/json', ...options.headers };
  const send = async (): Promise<boolean> => {
    const response = await fetch(url, { method: 'POST', headers, body });
    const payload = (await response.json()) as { errors?: unknown[] };
    return response.ok && !payload.errors;
  };
  for (let warmUp = 0; warmUp < 20; warmUp += 1) await send();

  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const ok = await send().catch(() => false);
        latencies.push(performance.now() - sent);
        if (!ok) errors += 1;
      }
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    errors,
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

export function printResults(title: string, results: LoadResult[]): void {
  console.log(`\n${title}`);
  console.table(
    results.map((result) => ({
      query: result.name,
      'req/s': Math.round(result.requestsPerSecond),
      'p50 ms': result.p50Ms.toFixed(1),
      'p99 ms': result.p99Ms.toFixed(1),
      requests: result.requests,
      errors: result.errors,
    })),
  );
}
