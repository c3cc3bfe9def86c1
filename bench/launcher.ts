import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { ensureDatabase } from '../platform/src/database';
import { SUBGRAPH_NAMES } from '../platform/src/subgraphs';

const LAUNCHER = path.join(__dirname, '..', 'platform', 'src', 'cli', 'start.js');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The benchmarks' database on the server `serverUrl` names: `BENCH_DATABASE` (`ocg_bench`). */
export function benchDatabaseUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${process.env.BENCH_DATABASE ?? 'ocg_bench'}`;
  return url.toString();
}

export interface LaunchedPlatform {
  gatewayUrl: string;
  /** The pid of a service process (`gateway` or a subgraph), as the launcher runs it now. */
  pidOf(service: string): number | undefined;
  /** Resident memory of a process, in MiB (Linux /proc). */
  rssMiB(pid: number): number;
  stop(): Promise<number | null>;
}

/**
 * `npm start` as a user runs it (the launcher from dist/, each service its own process) on free
 * ports, without the simulator or rate limits, on the benchmarks' database of DATABASE_URL (or the embedded
 * PostgreSQL): the benchmarks measure the gateway's own process.
 */
export async function launchPlatform(env: NodeJS.ProcessEnv = {}): Promise<LaunchedPlatform> {
  const ports = Object.fromEntries(
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => [`SUBGRAPH_${name.toUpperCase()}_PORT`, String(await freePort())]),
    ),
  );
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    PORT: String(await freePort()),
    SIMULATOR: 'off',
    // One client address sends everything: the per-IP limits would measure themselves.
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    ...env,
  };
  if (merged.DATABASE_URL && !env.DATABASE_URL) merged.DATABASE_URL = benchDatabaseUrl(merged.DATABASE_URL);
  if (merged.DATABASE_URL) await ensureDatabase(merged.DATABASE_URL);
  const launcher: ChildProcess = spawn(process.execPath, [LAUNCHER], {
    env: merged,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  let output = '';
  const gatewayUrl = await new Promise<string>((resolve, reject) => {
    launcher.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /GraphQL: (http:\S+)/.exec(output);
      if (found) resolve(found[1]);
    });
    void exited.then((code) => reject(new Error(`the launcher exited (${code}) before serving`)));
  });
  const script = (service: string) =>
    service === 'gateway' ? path.join('gateway', 'src', 'index.js') : path.join('subgraphs', service, 'src');
  return {
    gatewayUrl,
    pidOf(service) {
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const status = readFileSync(`/proc/${entry}/status`, 'utf8');
          if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) !== launcher.pid) continue;
          const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
          if (commandLine.includes(script(service))) return Number(entry);
        } catch {
          // The process ended while we looked.
        }
      }
      return undefined;
    },
    rssMiB(pid) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      if (launcher.exitCode === null) launcher.kill('SIGTERM');
      return exited;
    },
  };
}

/** Sends one operation; true when it answered 200 without errors. */
export async function sendOperation(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ ok: boolean; body?: { data?: Record<string, unknown>; errors?: unknown[] } }> {
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    return { ok: response.status === 200 && !body.errors, body };
  } catch {
    return { ok: false };
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
