import { STATUS_CODES } from 'node:http';
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import { Pool } from 'undici';

/** Connections kept open to each subgraph origin: enough for the gateway's in-flight fetches. */
const CONNECTIONS_PER_SUBGRAPH = Number(process.env.GATEWAY_SUBGRAPH_CONNECTIONS ?? 128);

export interface SubgraphAnswer {
  status: number;
  text: string;
}

/**
 * One keep-alive undici pool per subgraph origin, shared by the plan executor and Apollo's data
 * sources: Apollo's default fetcher (make-fetch-happen, agent-base) built an agent and an Error
 * per request and cost about 17 % of the gateway's CPU (perf-notes.md).
 */
export class SubgraphPools {
  private readonly pools = new Map<string, Pool>();

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: CONNECTIONS_PER_SUBGRAPH, keepAliveTimeout: 30_000 });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /** POSTs one GraphQL request body; the status and text come back, parsing is the caller's. */
  async post(
    url: URL,
    body: string,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<SubgraphAnswer> {
    const answer = await this.pool(url.origin).request({
      method: 'POST',
      path: url.pathname + url.search,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body,
      signal,
    });
    return { status: answer.statusCode, text: await answer.body.text() };
  }

  /**
   * The same pools behind the fetch Apollo's RemoteGraphQLDataSource expects, as a plain request:
   * undici's WHATWG fetch built a Request, Headers and web streams per fetch, about a tenth of the
   * gateway's CPU for a live event or a mutation (Apollo's executor runs both).
   */
  fetcher(): Fetcher {
    return async (url, init) => {
      const target = new URL(url);
      const answer = await this.pool(target.origin).request({
        method: (init?.method ?? 'GET') as 'GET',
        path: target.pathname + target.search,
        headers: init?.headers,
        body: init?.body,
        signal: init?.signal as AbortSignal | undefined,
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(answer.headers))
        if (value !== undefined) headers.append(name, Array.isArray(value) ? value.join(', ') : value);
      return new ReadAnswer(url, answer.statusCode, headers, await answer.body.text());
    };
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

/** A subgraph's answer read whole: what RemoteGraphQLDataSource reads of a fetch response. */
class ReadAnswer implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: FetcherHeaders,
    private readonly body: string,
  ) {}

  get statusText(): string {
    return STATUS_CODES[this.status] ?? '';
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  text(): Promise<string> {
    return Promise.resolve(this.body);
  }

  json(): Promise<unknown> {
    return Promise.resolve().then(() => JSON.parse(this.body) as unknown);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body);
    return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }

  clone(): FetcherResponse {
    return new ReadAnswer(this.url, this.status, this.headers, this.body);
  }
}
