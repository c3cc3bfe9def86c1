import 'reflect-metadata';
import { inject } from 'vitest';
import type { GatewaySecurityOptions } from '#gateway/options';
import { startInProcessPlatform, type InProcessPlatform } from '#app/platform';
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
