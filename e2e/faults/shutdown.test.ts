import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { SUBGRAPH_NAMES } from '#platform/subgraphs';
import { freePort, launchPlatform, type LaunchedPlatform } from '#test/launcher';

const EXPORT_PATH = '/datasets/meter-readings.csv';

let platform: LaunchedPlatform | undefined;
let gatewayUrl: URL;

async function onServer(databaseUrl: string, sql: string): Promise<void> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface DatabaseSetup {
  name: string;
  /** The launcher's database settings; the database processes it starts, if any, are its children too. */
  environment(): Promise<NodeJS.ProcessEnv>;
  databaseProcesses: number;
  cleanUp(): Promise<void>;
}

const shutdownDatabase = (() => {
  const target = new URL(inject('databaseUrl'));
  target.pathname = `${target.pathname}_shutdown`;
  return target.toString();
})();
const embeddedDirectory = path.join('/var/tmp', `ocg-shutdown-${process.pid}`);

const SETUPS: DatabaseSetup[] = [
  {
    name: 'on DATABASE_URL',
    environment: async () => ({ DATABASE_URL: shutdownDatabase }),
    databaseProcesses: 0,
    cleanUp: () =>
      onServer(
        shutdownDatabase,
        `DROP DATABASE IF EXISTS "${new URL(shutdownDatabase).pathname.slice(1)}" WITH (FORCE)`,
      ),
  },
  {
    // Its own cluster, port and folder (reachable by the postgres user the cluster runs as under root).
    name: 'on the embedded PostgreSQL',
    environment: async () => ({
      DATABASE_URL: undefined,
      EMBEDDED_PG_DIR: path.join(embeddedDirectory, 'postgres'),
      EMBEDDED_PG_PORT: String(await freePort()),
    }),
    databaseProcesses: 1,
    cleanUp: async () => rmSync(embeddedDirectory, { recursive: true, force: true }),
  },
];

/** A GET on a connection of its own (no keep-alive reuse). */
function download(pathname: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) =>
    get(new URL(pathname, gatewayUrl), { agent: false }, resolve).on('error', reject),
  );
}

async function readAll(response: IncomingMessage): Promise<number> {
  let bytes = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) bytes += chunk.length;
  return bytes;
}

/** A graphql-ws subscription held open; `closed` resolves with the close code the server sends. */
async function openSubscription(): Promise<{ closed: Promise<number> }> {
  const socket = new WebSocket(gatewayUrl.toString().replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.once('error', reject);
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type !== 'connection_ack') return;
      socket.send(
        JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: { query: 'subscription { wasteStationUpdated(arrondissement: 17) { eventId } }' },
        }),
      );
      resolve();
    });
  });
  return { closed };
}

/** An SSE stream held open; `ended` resolves once the server ends it. */
async function openEventStream(): Promise<{ ended: Promise<string> }> {
  const response = await fetch(new URL('/graphql/stream', gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { wasteStationUpdated(arrondissement: 17) { eventId } }' }),
  });
  expect(response.status).toBe(200);
  return { ended: response.text() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.each(SETUPS)('SIGTERM to the launcher $name', (setup) => {
  beforeAll(async () => {
    platform = await launchPlatform({
      ...(await setup.environment()),
      LOG_LEVEL: 'warn',
      SHUTDOWN_DRAIN_MS: '20000',
      // Generated data seeds in seconds; the test runner's own settings stay out.
      PARIS_OPEN_DATA_DIR: undefined,
      VITEST: undefined,
    });
    gatewayUrl = new URL(platform.gatewayUrl);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    platform = undefined;
    await setup.cleanUp();
  });

  it('finishes the export in flight, closes live streams, stops everything in order and exits 0', async () => {
    if (!platform) throw new Error('the platform did not start');
    const reference = await download(EXPORT_PATH);
    expect(reference.statusCode).toBe(200);
    const fullSize = await readAll(reference);
    expect(fullSize).toBeGreaterThan(1_000_000);

    const subscription = await openSubscription();
    const eventStream = await openEventStream();
    // A slow reader: the export stays in flight (back-pressure up to the subgraph's cursor) during the stop.
    const slow = await download(EXPORT_PATH);
    expect(slow.statusCode).toBe(200);
    slow.pause();
    const services = execFileSync('pgrep', ['-P', String(platform.pid)])
      .toString()
      .trim()
      .split('\n')
      .map(Number);
    expect(services).toHaveLength(SUBGRAPH_NAMES.length + 1 + setup.databaseProcesses);

    process.kill(platform.pid, 'SIGTERM');
    expect(await subscription.closed).toBe(1001);
    await eventStream.ended;
    // The gateway no longer accepts connections while it drains.
    await expect(download('/health')).rejects.toThrow();
    await sleep(1_000);
    expect(await Promise.race([platform.exited, sleep(0).then(() => 'running')])).toBe('running');

    slow.resume();
    expect(await readAll(slow)).toBe(fullSize);
    expect(await platform.exited).toBe(0);
    // Services and database alike: nothing outlives the launcher.
    expect(services.filter(alive)).toEqual([]);
  });
});
