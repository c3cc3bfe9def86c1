import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { fetch as undiciFetch, Pool } from 'undici';

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

  /** The same pools behind the WHATWG fetch Apollo's RemoteGraphQLDataSource expects. */
  fetcher(): Fetcher {
    return async (url, init) => {
      const response = await undiciFetch(url, {
        method: init?.method,
        headers: init?.headers,
        body: init?.body,
        signal: init?.signal as AbortSignal | undefined,
        dispatcher: this.pool(new URL(url).origin),
      });
      return response as unknown as FetcherResponse;
    };
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
