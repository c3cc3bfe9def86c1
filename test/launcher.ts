import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { SUBGRAPH_NAMES } from '#platform/subgraphs';

/** The project folder, whether this file runs from its source (tests) or from dist/ (benchmarks). */
const projectRoot =
  path.basename(path.dirname(__dirname)) === 'dist'
    ? path.dirname(path.dirname(__dirname))
    : path.dirname(__dirname);
/** `npm start`'s launcher, compiled (run `npx tsc -p tsconfig.json` first). */
const LAUNCHER = path.join(projectRoot, 'dist', 'app', 'cli', 'start.js');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The processes whose parent is `parent` (Linux /proc). */
function childrenOf(parent: number): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      return Number(/PPid:\s+(\d+)/.exec(status)?.[1]) === parent ? [Number(entry)] : [];
    } catch {
      return []; // The process ended while we looked.
    }
  });
}

export interface LaunchedPlatform {
  gatewayUrl: string;
  /** The launcher's pid; its children are the services. */
  pid: number;
  /** Resolves with the launcher's exit code. */
  exited: Promise<number | null>;
  /** The pid of a service process (`gateway` or a subgraph name), as the launcher runs it now. */
  pidOf(service: string): number | undefined;
  /** The service's process and its own children (the gateway's cluster workers), to sum their CPU. */
  pidsOf(service: string): number[];
  /** Resident memory of a process, in MiB (Linux /proc). */
  rssMiB(pid: number): number;
  /** Everything the services have printed so far (their JSON log lines). */
  output(): string;
  /** SIGTERM to the launcher; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * The platform as a user runs it — the launcher from dist/, every service its own process — on
 * free ports, without the simulator or rate limits (one client address sends everything). `env`
 * adds to and overrides this process's environment; an undefined value removes a variable.
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
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    ...env,
  };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const launcher = spawn(process.execPath, [LAUNCHER], { env: merged, stdio: ['ignore', 'pipe', 'inherit'] });
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
  // /proc/<pid>/cmdline separates arguments with NUL: a subgraph runs as `app/subgraph.js <name>`.
  const script = (service: string) =>
    service === 'gateway'
      ? path.join('gateway', 'src', 'index.js')
      : `${path.join('app', 'subgraph.js')}\0${service}\0`;
  const pidOf = (service: string): number | undefined => {
    if (launcher.pid === undefined) return undefined;
    return childrenOf(launcher.pid).find((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script(service));
      } catch {
        return false; // The process ended while we looked.
      }
    });
  };
  return {
    gatewayUrl,
    pid: launcher.pid ?? 0,
    output: () => output,
    exited,
    pidOf,
    pidsOf(service) {
      const root = pidOf(service);
      return root === undefined ? [] : [root, ...childrenOf(root)];
    },
    rssMiB(pid) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      if (launcher.exitCode === null && launcher.signalCode === null) launcher.kill('SIGTERM');
      return exited;
    },
  };
}
