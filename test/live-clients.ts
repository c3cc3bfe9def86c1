/** The live clients of the e2e scenarios: graphql-ws and SSE readers, event recorders, a fill-level reporter, waits. */
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { subscriptionServerOf, type SubscriptionMetrics } from '#gateway/subscriptions/index';
import type { RunningGateway } from '#gateway/options';
import type { TestPlatform } from './platform';

export const OPERATOR_KEY = 'subscriptions-e2e-operator-key';
export const operator = { 'x-api-key': OPERATOR_KEY };

export interface StationEvent {
  eventId: string;
  kind: string;
  fillingLevel: number;
  station: { id: string; arrondissement: { code: number; name: string; population: number | null } };
}

export const STATION_UPDATES = `subscription ($stationId: ID, $arrondissement: Int, $after: ID) {
  wasteStationUpdated(stationId: $stationId, arrondissement: $arrondissement, after: $after) {
    eventId kind fillingLevel station { id arrondissement { code name population } } } }`;

export function metricsOf(gateway: RunningGateway): SubscriptionMetrics {
  const server = subscriptionServerOf(gateway.httpServer);
  if (!server) throw new Error('The gateway has no subscription server');
  return server.metrics;
}

export function wsClient(gateway: RunningGateway, connectionParams: Record<string, string> = {}): Client {
  return createClient({
    url: gateway.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    lazyCloseTimeout: 0,
  });
}

/** A graphql-ws connection read frame by frame, as text: what the gateway wrote, byte for byte. */
export class RawConnection {
  readonly messages: string[] = [];
  closed?: { code: number; reason: string };
  readonly socket: WebSocket;
  private readonly opened: Promise<void>;

  /** `options` of the upgrade: its headers, and permessage-deflate (ws asks for it unless told not to). */
  constructor(gateway: RunningGateway, options: WebSocket.ClientOptions = {}) {
    this.socket = new WebSocket(gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws', options);
    this.socket.on('message', (data: Buffer) => this.messages.push(data.toString()));
    this.socket.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
    this.opened = new Promise((resolve) => this.socket.once('open', () => resolve()));
  }

  async init(): Promise<void> {
    await this.opened;
    this.socket.send(JSON.stringify({ type: 'connection_init' }));
    await eventually(() => this.messages.some((message) => message.includes('connection_ack')));
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  }

  /** The `next` messages in arrival order. */
  get nexts(): string[] {
    return this.messages.filter((message) => message.includes('"type":"next"'));
  }
}

/** A subscription that records what it receives, and can wait for a number of results. */
export class Recorder<TData = Record<string, unknown>> {
  readonly results: ExecutionResult<TData>[] = [];
  ended = false;
  error?: unknown;
  private readonly unsubscribe: () => void;
  private waiters: (() => void)[] = [];

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.unsubscribe = client.subscribe<TData>(
      { query, variables },
      {
        next: (result) => this.push(() => this.results.push(result as ExecutionResult<TData>)),
        error: (error) => this.push(() => ((this.error = error), (this.ended = true))),
        complete: () => this.push(() => (this.ended = true)),
      },
    );
  }

  get data(): TData[] {
    return this.results.flatMap((result) => (result.data ? [result.data] : []));
  }

  /** Resolves once `count` results arrived (or the stream ended); rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 15_000): Promise<ExecutionResult<TData>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.results.length < count && !this.ended) {
      if (Date.now() > deadline)
        throw new Error(`waited ${timeoutMs} ms for ${count} results, got ${this.results.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.results;
  }

  close(): void {
    this.unsubscribe();
  }

  private push(change: () => unknown): void {
    change();
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

let reports = 0;

/** Sends a fill level through the gateway's ingestion mutation, as a sensor would. */
export async function reportFillLevel(
  platform: Pick<TestPlatform, 'query'>,
  stationId: string,
  fillingLevel: number,
  stream = 'GLASS',
): Promise<void> {
  reports += 1;
  const result = await platform.query(
    `mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id } }`,
    {
      input: {
        reportId: `subscriptions-${process.pid}-${Date.now()}-${reports}`,
        stationId,
        stream,
        fillingLevel,
        observedAt: new Date().toISOString(),
      },
    },
    operator,
  );
  if (result.errors) throw new Error(`reportFillLevel failed: ${JSON.stringify(result.errors)}`);
}

/** Waits until `check` holds (counters settle asynchronously), or fails after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Reports fill levels of `stationId` until `reached()` (up to `attempts` reports, each given 500 ms):
 * the gateway counts an upstream as opened before the subgraph has read where its live feed starts,
 * so a report committed in between never reaches the stream.
 */
export async function reportUntil(
  platform: Pick<TestPlatform, 'query'>,
  stationId: string,
  fillingLevel: number,
  reached: () => boolean,
  attempts = 30,
): Promise<void> {
  for (let attempt = 0; !reached(); attempt += 1) {
    if (attempt === attempts) throw new Error(`no event reached the stream after ${attempts} reports`);
    await reportFillLevel(platform, stationId, fillingLevel);
    await eventually(reached, 500).catch(() => undefined);
  }
}

/** `query` against one gateway, for tests that start their own gateways. */
export function gatewayClient(gateway: RunningGateway): Pick<TestPlatform, 'query'> {
  return {
    async query<TData>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: TData; errors?: { message: string }[] };
      return { status: response.status, ...body };
    },
  };
}

export interface StreamMessage {
  id?: string;
  event: string;
  data: string;
}

/**
 * POSTs to the SSE endpoint and reads until `count` `next` events, the `complete` event, or the
 * end: a refusal before the stream opens comes back as one `body` message with the JSON answer.
 */
export async function readEventStream(
  streamUrl: string,
  body: unknown,
  count: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; messages: StreamMessage[] }> {
  const controller = new AbortController();
  const response = await fetch(streamUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream'))
    return { status: response.status, messages: [{ event: 'body', data: await response.text() }] };
  const messages: StreamMessage[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const message: StreamMessage = { event: '', data: '' };
        for (const line of buffered.slice(0, end).split('\n')) {
          const separator = line.indexOf(':');
          const field = line.slice(0, separator);
          const value = line.slice(separator + 1).replace(/^ /, '');
          if (field === 'id') message.id = value;
          if (field === 'event') message.event = value;
          if (field === 'data') message.data = value;
        }
        buffered = buffered.slice(end + 2);
        if (!message.event) continue;
        messages.push(message);
        if (
          message.event === 'complete' ||
          messages.filter((item) => item.event === 'next').length >= count
        ) {
          controller.abort();
          return { status: response.status, messages };
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { status: response.status, messages };
}
