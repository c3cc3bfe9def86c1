import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { encodeIdentity, IDENTITY_HEADER } from '#platform/identity';
import { PUBLIC_URL_HEADER } from '#platform/public-url';
import { operationLimitsFromEnv } from '../limits/config';
import { observedFetcher } from '../observability';
import type { GatewayContext } from '../options';
import { operationSignal } from './operation-signal';

/**
 * Forwards the caller's verified identity, signed, on every subgraph fetch, and aborts the fetches
 * of an operation that has timed out, so the subgraph sees its request closed and cancels its SQL.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string,
    private readonly publicUrl: () => string,
    send: Fetcher,
    subgraph = 'subscription-event',
    timeoutMs = operationLimitsFromEnv().timeoutMs,
  ) {
    super({ url });
    this.fetcher = observedFetcher(subgraph, timeoutMs, (target, init) =>
      send(target, { ...init, signal: operationSignal.getStore() }),
    );
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = context.identity ?? { roles: ['public'] };
    request.http?.headers.set(IDENTITY_HEADER, encodeIdentity(identity, this.gatewaySecret));
    request.http?.headers.set(PUBLIC_URL_HEADER, this.publicUrl());
  }

  /**
   * A subgraph answers 400 when it refuses an argument the gateway cannot check itself (the value
   * of a custom scalar such as DateTime): that is the caller's error, not the gateway's.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const error = await super.errorFromResponse(response);
    const refused = (error.extensions.response as { body?: { errors?: GraphQLFormattedError[] } } | undefined)
      ?.body?.errors?.[0];
    const code = refused?.extensions?.code;
    if (
      response.status !== 400 ||
      !refused ||
      (code !== 'BAD_USER_INPUT' && code !== 'GRAPHQL_VALIDATION_FAILED')
    )
      return error;
    return new GraphQLError(refused.message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}
