import { print, type DocumentNode } from 'graphql';
import type { Identity } from '#platform/identity';
import type { GatewayExecutor, GatewayRequestContext } from './plan-execution';

/**
 * Who the answer is for: everything the subgraphs see of the caller (roles, subject, devices), so
 * two callers share an answer only when every subgraph would have answered them alike.
 */
export function identityKey(identity: Identity | undefined): string {
  const { roles, subject, devices } = identity ?? { roles: ['public'] };
  return JSON.stringify([[...roles].sort(), subject ?? null, devices ? [...devices].sort() : null]);
}

/**
 * The in-flight key of a query: its normalized document (printed once per parsed document),
 * operation name, variables and caller identity; undefined for mutations and subscriptions.
 */
export function deduplicationKey(
  requestContext: GatewayRequestContext,
  normalized: (document: DocumentNode) => string,
): string | undefined {
  if (requestContext.operation?.operation !== 'query') return undefined;
  const identity = (requestContext.context as { identity?: Identity }).identity;
  return JSON.stringify([
    normalized(requestContext.document),
    requestContext.request.operationName ?? null,
    requestContext.request.variables ?? {},
    identityKey(identity),
  ]);
}

/**
 * Inbound in-flight deduplication: identical queries (same key) arriving while one is executing
 * share its execution instead of fetching again; the next one after it ends executes anew, so
 * nothing is cached beyond the time one execution takes.
 */
export function deduplicatingExecutor(executor: GatewayExecutor): GatewayExecutor {
  const printed = new WeakMap<DocumentNode, string>();
  const normalized = (document: DocumentNode) => {
    let text = printed.get(document);
    if (text === undefined) printed.set(document, (text = print(document)));
    return text;
  };
  const inFlight = new Map<string, ReturnType<GatewayExecutor>>();
  return (requestContext) => {
    const key = deduplicationKey(requestContext, normalized);
    if (key === undefined) return executor(requestContext);
    const running = inFlight.get(key);
    if (running) return running;
    const execution = executor(requestContext).finally(() => inFlight.delete(key));
    inFlight.set(key, execution);
    return execution;
  };
}
