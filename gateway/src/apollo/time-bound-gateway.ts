import { ApolloGateway, type GatewayConfig } from '@apollo/gateway';
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
