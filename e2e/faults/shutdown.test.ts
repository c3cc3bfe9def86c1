import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { get, type IncomingMessage } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { SUBGRAPH_NAMES } from '../../platform/src/subgraphs';

const LAUNCHER = path.resolve(__dirname, '..', '..', 'dist', 'platform', 'src', 'cli', 'start.js');
const EXPORT_PATH = '/datasets/meter-readings.csv';

let launcher: ChildProcess;
let gatewayUrl: URL;
let exited: Promise<number | null>;
let databaseUrl: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function adminQuery(sql: string): Promise<void> {
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

/** The real launcher from `dist/`, on its own database and free ports, without the simulator. */
beforeAll(async () => {
  const target = new URL(inject('databaseUrl'));
  target.pathname = `${target.pathname}_shutdown`;
  databaseUrl = target.toString();
  const ports = Object.fromEntries(
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => [`SUBGRAPH_${name.toUpperCase()}_PORT`, String(await freePort())]),
    ),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    DATABASE_URL: databaseUrl,
    PORT: String(await freePort()),
    SIMULATOR: 'off',
    LOG_LEVEL: 'warn',
    SHUTDOWN_DRAIN_MS: '20000',
  };
  delete env.PARIS_OPEN_DATA_DIR;
  delete env.VITEST;
  launcher = spawn(process.execPath, [LAUNCHER], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  exited = new Promise((resolve) => launcher.once('exit', (code) => resolve(code)));
  let output = '';
  gatewayUrl = await new Promise<URL>((resolve, reject) => {
    launcher.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /GraphQL: (http:\S+)/.exec(output);
      if (found) resolve(new URL(found[1]));
    });
    void exited.then((code) => reject(new Error(`the launcher exited (${code}) before serving`)));
  });
}, 120_000);

afterAll(async () => {
  if (launcher.exitCode === null) launcher.kill('SIGKILL');
  await adminQuery(`DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
});

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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('SIGTERM to the launcher', () => {
  it('finishes the export in flight, closes live streams, stops everything in order and exits 0', async () => {
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
    const services = execFileSync('pgrep', ['-P', String(launcher.pid)])
      .toString()
      .trim()
      .split('\n')
      .map(Number);
    expect(services).toHaveLength(SUBGRAPH_NAMES.length + 1);

    launcher.kill('SIGTERM');
    expect(await subscription.closed).toBe(1001);
    await eventStream.ended;
    // The gateway no longer accepts connections while it drains.
    await expect(download('/health')).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(launcher.exitCode).toBeNull();

    slow.resume();
    expect(await readAll(slow)).toBe(fullSize);
    expect(await exited).toBe(0);
    expect(services.filter(alive)).toEqual([]);
  });
});
