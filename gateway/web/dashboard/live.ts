// Live feeds over graphql-ws, falling back to SSE. Each starts with `after` = the position read
// with the state it was drawn from (or takes its state from its first event) and resumes with the
// last eventId it showed (that position until one came), so neither the start nor a network drop
// costs an event, and none shows twice.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql/language/ast';
import { print } from 'graphql/language/printer';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export type Transport = 'ws' | 'sse';

export interface Feed<TData, TVariables> {
  document: TypedDocumentNode<TData, TVariables>;
  /**
   * The position read with the state the page shows: events after it come (again, some of them,
   * when the position was read before the state: `show` must apply them idempotently). None for a
   * feed whose first event is its state (an interval feed sends the current interval at once).
   */
  after?: string;
  /** The variables, given the eventId to resume after (none before the first event of a feed without `after`). */
  variables: (after: string | undefined) => TVariables;
  eventId: (data: TData) => string;
  show: (data: TData) => void;
}

interface Sink {
  next: (value: { data?: unknown; errors?: unknown }) => void;
  error: (error: unknown) => void;
  complete: () => void;
}

/** The operation's name, which says which feed a mark or a log line is about. */
function operationName(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  return operation?.name?.value;
}

const RETRY_MS = [500, 1000, 2000, 5000];

/** Whether every feed is subscribed on an open connection: what the page's status shows. */
export type Status = 'connecting' | 'live' | 'reconnecting';

export class LiveConnection {
  transport: Transport = typeof WebSocket === 'undefined' ? 'sse' : 'ws';
  private ws?: WsClient;
  private wsConnected = false;
  private wsConnectedOnce = false;
  private wsFailures = 0;
  private readonly sse = createSseClient({
    url: new URL('/graphql/stream', location.href).href,
    retryAttempts: 0,
  });
  /** Feeds not subscribed on an open connection now; the status is live when there is none. */
  private readonly down = new Set<object>();
  /** Feeds sent over the WebSocket while it was still connecting: up once it is. */
  private readonly awaitingSocket = new Map<object, () => void>();
  private everLive = false;

  constructor(private readonly onStatus: (status: Status, transport: Transport) => void) {}

  follow<TData, TVariables>(feed: Feed<TData, TVariables>): void {
    let last: string | undefined = feed.after;
    let attempt = 0;
    // Up when its subscription is open, events or not: a quiet feed is not a lost connection.
    const up = () => {
      attempt = 0;
      this.mark(feed, true);
    };
    const start = () => {
      const payload = {
        query: print(feed.document),
        variables: feed.variables(last) as Record<string, unknown>,
      };
      const sink: Sink = {
        next: (value) => {
          up();
          const data = value.data as TData | undefined;
          if (!data) return;
          const id = feed.eventId(data);
          if (last !== undefined && BigInt(id) <= BigInt(last)) return; // already shown
          last = id;
          feed.show(data);
          // For `npm run bench:dashboard`: when the page first showed a live event.
          if (performance.getEntriesByName('ocg:first-live-update').length === 0)
            performance.mark('ocg:first-live-update', { detail: operationName(feed.document) });
        },
        error: (error) => retry(error),
        complete: () => retry(undefined),
      };
      this.subscribe(feed, payload, sink, up);
    };
    const retry = (error: unknown) => {
      this.awaitingSocket.delete(feed);
      this.mark(feed, false);
      if (this.transport === 'ws' && !this.wsConnectedOnce && ++this.wsFailures >= 2) this.transport = 'sse';
      if (error)
        console.warn('live feed interrupted, resuming', error instanceof Error ? error.message : error);
      setTimeout(start, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    };
    this.mark(feed, false);
    start();
  }

  private subscribe(
    feed: object,
    payload: { query: string; variables: Record<string, unknown> },
    sink: Sink,
    up: () => void,
  ): void {
    if (this.transport === 'sse') {
      // Distinct connections: each feed's stream says when its response has started.
      this.sse.subscribe(payload, sink, { connected: up });
      return;
    }
    const client = this.wsClient();
    if (this.wsConnected) up();
    else this.awaitingSocket.set(feed, up);
    client.subscribe(payload, sink);
  }

  private wsClient(): WsClient {
    if (!this.ws) {
      const url = new URL('/graphql', location.href);
      url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
      this.ws = createWsClient({
        url: url.href,
        lazy: true,
        // Resumption is ours (with `after`): graphql-ws would replay each subscribe as first sent.
        retryAttempts: 0,
        on: {
          connected: () => {
            this.wsConnected = true;
            this.wsConnectedOnce = true;
            this.wsFailures = 0;
            const waiting = [...this.awaitingSocket.values()];
            this.awaitingSocket.clear();
            for (const up of waiting) up();
          },
          closed: () => {
            this.wsConnected = false;
          },
        },
      });
    }
    return this.ws;
  }

  private mark(feed: object, connected: boolean): void {
    if (connected) this.down.delete(feed);
    else this.down.add(feed);
    const live = this.down.size === 0;
    if (live) this.everLive = true;
    this.onStatus(live ? 'live' : this.everLive ? 'reconnecting' : 'connecting', this.transport);
  }
}
