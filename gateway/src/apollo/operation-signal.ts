import { AsyncLocalStorage } from 'node:async_hooks';

/** The abort signal of the operation being executed: its subgraph fetches end with it. */
export const operationSignal = new AsyncLocalStorage<AbortSignal>();
