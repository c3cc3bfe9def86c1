import { encodeIdentity, IDENTITY_HEADER, type Identity } from '#platform/identity';
import { PUBLIC_URL_HEADER } from '#platform/public-url';
import type { SubgraphName } from '#platform/subgraphs';
import { subgraphUrlsFromSupergraph } from '../datasets';
import { observedSubgraphCall } from '../observability';
import { deduplicatingExecutor } from './deduplication';
import { planExecutor, type GatewayExecutor } from './plan-execution';
import type { SubgraphPools } from './subgraph-pools';

export interface ExecutionOptions {
  /** Query plans run by our executor (`GATEWAY_PLAN_EXECUTOR`, default on; `apollo` turns it off). */
  planExecutor: boolean;
  /** Identical queries in flight share one execution (`GATEWAY_DEDUPLICATION`, default on; `off`). */
  deduplicate: boolean;
}

export function executionOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ExecutionOptions {
  return {
    planExecutor: env.GATEWAY_PLAN_EXECUTOR !== 'apollo',
    deduplicate: env.GATEWAY_DEDUPLICATION !== 'off',
  };
}

export interface GatewayExecutionOptions extends ExecutionOptions {
  supergraphSdl: string;
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  gatewaySecret: string;
  pools: SubgraphPools;
  signal(): AbortSignal | undefined;
  /** The operation's time budget: what remains of it bounds each subgraph's statements. */
  timeoutMs: number;
  /** The base of the absolute URLs and IRIs the subgraphs write (`PUBLIC_URL` or the gateway's). */
  publicUrl(): string;
}

/**
 * The gateway's query path around Apollo's executor: `executor` puts our plan executor in front of
 * it, `shared` deduplicates whole executions (timeout and abort included) of identical queries.
 */
export function gatewayExecution(options: GatewayExecutionOptions) {
  const urls: Record<string, string | undefined> = {
    ...subgraphUrlsFromSupergraph(options.supergraphSdl),
    ...options.subgraphUrls,
  };
  // Metrics name a subgraph fetch by its subgraph: the executor only holds its URL.
  const subgraphOf = new Map(
    Object.entries(urls).flatMap(([name, url]) => (url ? [[new URL(url).href, name] as const] : [])),
  );
  return {
    executor(apollo: GatewayExecutor): GatewayExecutor {
      if (!options.planExecutor) return apollo;
      return planExecutor({
        supergraphSdl: options.supergraphSdl,
        subgraphUrl: (name) => {
          const url = urls[name];
          if (!url) throw new Error(`No URL for subgraph ${name}`);
          return url;
        },
        post: (url, body, headers, signal) =>
          observedSubgraphCall(
            subgraphOf.get(url.href) ?? url.host,
            options.timeoutMs,
            { ...headers, [PUBLIC_URL_HEADER]: options.publicUrl() },
            signal,
            (observed) => options.pools.post(url, body, observed, signal),
            (answer) => answer.status === 200,
          ),
        headers: (requestContext) => {
          const identity = (requestContext.context as { identity?: Identity }).identity ?? {
            roles: ['public'],
          };
          return { [IDENTITY_HEADER]: encodeIdentity(identity, options.gatewaySecret) };
        },
        signal: options.signal,
        fallback: apollo,
      });
    },
    shared(executor: GatewayExecutor): GatewayExecutor {
      return options.deduplicate ? deduplicatingExecutor(executor) : executor;
    },
  };
}
