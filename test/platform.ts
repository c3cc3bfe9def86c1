import 'reflect-metadata';
import { inject } from 'vitest';
import type { GatewaySecurityOptions } from '#gateway/options';
import { startInProcessPlatform, type InProcessPlatform } from '#app/platform';
import { ANONYMOUS, encodeIdentity, IDENTITY_HEADER } from '#platform/identity';
import type { SubgraphName } from '#platform/subgraphs';
import { testSubgraphs } from './subgraphs';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestPlatform extends InProcessPlatform {
  databaseUrl: string;
  /** Sends an operation to the gateway over real HTTP. */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
}

/**
 * Starts the graph (all subgraphs, or `only` these) on the test database prepared by global-setup;
 * `gateway` sets the gateway's security options (production mode, rate limits, JWT keys).
 */
export async function startTestPlatform(
  only?: SubgraphName[],
  gateway?: GatewaySecurityOptions,
): Promise<TestPlatform> {
  const databaseUrl = inject('databaseUrl');
  const available = testSubgraphs();
  const definitions = only ? available.filter((definition) => only.includes(definition.name)) : available;
  const platform = await startInProcessPlatform(databaseUrl, definitions, { gateway });
  return {
    ...platform,
    databaseUrl,
    async query<TData>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) {
      const response = await fetch(platform.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status'>;
      return { status: response.status, ...body };
    },
  };
}

/**
 * A subgraph's own export endpoint, as the gateway's `/datasets/<id>.<format>` route calls it
 * (anonymous, signed): `query` holds the dataset's filters.
 */
export function exportFromSubgraph(
  platform: TestPlatform,
  subgraph: SubgraphName,
  dataset: string,
  query: string,
  format = 'csv',
): Promise<Response> {
  const service = platform.subgraphs.find((candidate) => candidate.name === subgraph);
  if (!service) throw new Error(`The test platform runs no ${subgraph} subgraph`);
  return fetch(`${service.url.replace(/\/graphql$/, `/export/${dataset}.${format}`)}?${query}`, {
    headers: { [IDENTITY_HEADER]: encodeIdentity(ANONYMOUS, platform.gatewaySecret) },
  });
}
