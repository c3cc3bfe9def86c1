import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { decodeIdentity, IDENTITY_HEADER, type Identity } from '#platform/identity';
import type { TestPlatform } from '#test/platform';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
}

async function read(response: Response): Promise<RawResponse> {
  const text = await response.text();
  let body: RawResponse['body'] = {};
  try {
    body = JSON.parse(text) as RawResponse['body'];
  } catch {
    // Not JSON (an HTML page, say): the tests look at `text`.
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** POSTs a raw body, so tests control content type, shape and size. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return read(
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }),
  );
}

export function postOperation(
  url: string,
  query: string,
  headers: Record<string, string> = {},
  variables: Record<string, unknown> = {},
): Promise<RawResponse> {
  return post(url, JSON.stringify({ query, variables }), headers);
}

export async function get(
  url: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  return read(await fetch(target, { headers }));
}

export function codes(response: RawResponse): unknown[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}

/** Records the identity the gateway forwards to the subgraphs, verified with the gateway's secret. */
export function captureForwardedIdentities(platform: TestPlatform): Identity[] {
  const seen: Identity[] = [];
  for (const subgraph of platform.subgraphs) {
    subgraph.httpServer.prependListener('request', (request) => {
      const header = request.headers[IDENTITY_HEADER];
      const identity = decodeIdentity(Array.isArray(header) ? header[0] : header, platform.gatewaySecret);
      if (identity) seen.push(identity);
    });
  }
  return seen;
}

/** A bearer token signed with the gateway's JWT_SECRET (HS256), as a test identity provider would issue it. */
export function hs256Token(secret: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

export interface RawSocket {
  socket: WebSocket;
  /** Messages received, parsed. */
  messages: { id?: string; type: string; payload?: unknown }[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  /** Resolves with the first message matching `match` (already received or to come). */
  waitFor(
    match: (message: { id?: string; type: string; payload?: unknown }) => boolean,
  ): Promise<{ id?: string; type: string; payload?: unknown }>;
}

/** A graphql-transport-ws connection driven message by message, to send what no client library would. */
export async function openRawSocket(
  httpUrl: string,
  headers: Record<string, string> = {},
): Promise<RawSocket> {
  const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
  const messages: RawSocket['messages'] = [];
  const listeners = new Set<() => void>();
  socket.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString('utf8')) as RawSocket['messages'][number]);
    for (const listener of listeners) listener();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code: number, reason: Buffer) => {
      resolve({ code, reason: reason.toString('utf8') });
      for (const listener of listeners) listener();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    waitFor: (match) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found) {
            listeners.delete(check);
            resolve(found);
          } else if (socket.readyState === WebSocket.CLOSED) {
            listeners.delete(check);
            reject(new Error(`closed before the expected message; got ${JSON.stringify(messages)}`));
          }
        };
        listeners.add(check);
        check();
      }),
  };
}

/** Opens a raw connection and completes graphql-ws's handshake. */
export async function acknowledgedSocket(
  httpUrl: string,
  connectionParams: Record<string, string> = {},
): Promise<RawSocket> {
  const raw = await openRawSocket(httpUrl);
  raw.send({ type: 'connection_init', payload: connectionParams });
  await raw.waitFor((message) => message.type === 'connection_ack');
  return raw;
}
