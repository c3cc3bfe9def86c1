import type { ExecutionResult } from 'graphql';

/**
 * How the gateway learns when an event was written, to measure its lag at delivery
 * (`ocg_event_delivery_lag_seconds`): the subgraph adds the event's log time to the graphql-ws
 * `next` message it sends the gateway, as the extension `ocgEvent`. The gateway strips upstream
 * extensions, so clients never see it.
 */
export const EVENT_EXTENSION = 'ocgEvent';

export interface EventCommitTime {
  stream: string;
  /** The event log's `created_at` (its transaction's timestamp), ISO 8601. */
  committedAt: string;
}

/** The live event each subscription (by its context) is resolving now. */
const resolving = new WeakMap<object, EventCommitTime>();

/**
 * Called by the log reader before it yields an event; `undefined` for a replayed one (a resume's
 * catch-up): its age is not lag.
 */
export function markResolving(context: object, event: { stream: string; createdAt: Date } | undefined): void {
  if (event) resolving.set(context, { stream: event.stream, committedAt: event.createdAt.toISOString() });
  else resolving.delete(context);
}

/** graphql-ws `onNext`: the result with the commit time of the live event it resolved, if any. */
export function withCommitTime(context: unknown, result: ExecutionResult): ExecutionResult | undefined {
  const event = typeof context === 'object' && context !== null ? resolving.get(context) : undefined;
  if (!event) return undefined;
  resolving.delete(context as object);
  return { ...result, extensions: { ...result.extensions, [EVENT_EXTENSION]: event } };
}

/** What the gateway reads back from an upstream event's extensions. */
export function commitTimeOf(extensions: unknown): { stream: string; committedAt: Date } | undefined {
  const event = (extensions as Record<string, unknown> | undefined)?.[EVENT_EXTENSION] as
    Partial<EventCommitTime> | undefined;
  if (typeof event?.stream !== 'string' || typeof event.committedAt !== 'string') return undefined;
  const committedAt = new Date(event.committedAt);
  return Number.isNaN(committedAt.getTime()) ? undefined : { stream: event.stream, committedAt };
}
