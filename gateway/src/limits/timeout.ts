import { GraphQLError } from 'graphql';
import type { ApolloGateway } from '@apollo/gateway';
import { GatewayErrorCode } from '../errors';

type GatewayExecutor = Awaited<ReturnType<ApolloGateway['load']>>['executor'];

/**
 * Bounds an operation's wall-clock time. The subgraph fetches already sent run to their end (the
 * gateway's data sources take no abort signal), but the caller is answered and its slot freed.
 */
export function withOperationTimeout(executor: GatewayExecutor, timeoutMs: number): GatewayExecutor {
  return async (requestContext) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new GraphQLError(`The operation did not complete within ${timeoutMs} ms`, {
              extensions: { code: GatewayErrorCode.Timeout, http: { status: 504 } },
            }),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([executor(requestContext), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
