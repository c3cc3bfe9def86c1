import { ensureDatabase } from '#platform/database';
import { launchPlatform, type LaunchedPlatform } from '#test/launcher';

/** The benchmarks' database on the server `serverUrl` names: `BENCH_DATABASE` (`ocg_bench`). */
export function benchDatabaseUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${process.env.BENCH_DATABASE ?? 'ocg_bench'}`;
  return url.toString();
}

/**
 * The launched platform the soak and chaos benchmarks measure: on the benchmarks' database of
 * DATABASE_URL, or on the embedded PostgreSQL without it.
 */
export async function launchBenchPlatform(env: NodeJS.ProcessEnv = {}): Promise<LaunchedPlatform> {
  const databaseUrl =
    env.DATABASE_URL ?? (process.env.DATABASE_URL && benchDatabaseUrl(process.env.DATABASE_URL));
  if (databaseUrl) await ensureDatabase(databaseUrl);
  return launchPlatform({ ...env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
}

export interface OperationOutcome {
  ok: boolean;
  /** Why it failed: the HTTP status and the first error's code, or the network error's. */
  failure?: string;
}

/** Sends one operation; `ok` when it answered 200 without errors. */
export async function sendOperation(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<OperationOutcome> {
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    if (response.status === 200 && !body.errors) return { ok: true };
    return { ok: false, failure: `${response.status} ${body.errors?.[0]?.extensions?.code ?? ''}`.trim() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, failure: cause ?? (error as Error).name };
  }
}

/** Counts failures by reason, for the printed figures. */
export class FailureTally {
  private readonly reasons = new Map<string, number>();
  count = 0;

  record(outcome: OperationOutcome): void {
    if (outcome.ok) return;
    this.count += 1;
    const reason = outcome.failure ?? 'unknown';
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  toString(): string {
    if (this.count === 0) return '0 failed';
    const reasons = [...this.reasons].map(([reason, count]) => `${count}× ${reason}`).join(', ');
    return `${this.count} failed (${reasons})`;
  }
}

/** Mixed read operations through the gateway: one subgraph, nested, and joins across services. */
export const MIXED_QUERIES: string[] = [
  '{ arrondissements { code name population location { latitude longitude } } }',
  '{ arrondissement(code: 17) { name officialName districts { id name location { latitude } } } }',
  `{ wasteStations(first: 20, filter: { arrondissement: 17 }) {
      totalCount edges { node { id name containers { fillingLevel } arrondissement { name population } } } } }`,
  `{ budgetProjects(first: 10, filter: { arrondissement: 17 }) {
      totalCount edges { node { id title } } } }`,
];
