import { ApolloGateway, type GatewayConfig } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { gatewayExecution } from '../execution';
import { withOperationTimeout } from '../limits/timeout';
import { operationSignal } from './operation-signal';

/** The federation gateway with every operation's execution bounded in time, its subgraph fetches included. */
export class TimeBoundGateway extends ApolloGateway {
  constructor(
    config: GatewayConfig,
    private readonly timeoutMs: number,
    private readonly execution: ReturnType<typeof gatewayExecution>,
  ) {
    super(config);
  }

  override async load(options?: Parameters<ApolloGateway['load']>[0]): ReturnType<ApolloGateway['load']> {
    const loaded = await super.load(options);
    const bounded = withOperationTimeout(this.execution.executor(loaded.executor), this.timeoutMs);
    return {
      schema: loaded.schema,
      executor: this.execution.shared(async (requestContext) => {
        // No operation to run: graphql-js's own words, which Apollo Server answers with a 400.
        if (!requestContext.operation)
          return { errors: [unresolvedOperation(requestContext.request.operationName)] };
        const operation = new AbortController();
        try {
          return await operationSignal.run(operation.signal, () => bounded(requestContext));
        } finally {
          // After a timeout the plan is still running: whatever it has in flight is given up.
          operation.abort();
        }
      }),
    };
  }
}

function unresolvedOperation(operationName: string | undefined): GraphQLError {
  return new GraphQLError(
    operationName
      ? `Unknown operation named "${operationName}".`
      : 'Must provide operation name if query contains multiple operations.',
  );
}
