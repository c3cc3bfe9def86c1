import type { SubscribeResolverData } from 'type-graphql';
import { LoaderRegistry, type BaseContext } from '../context';
import { isDatabaseUnavailable } from '../database';
import { markResolving } from './commit-time';
import { eventHubOf } from './hub';
import { readEvents, resumePoint, type LoggedEvent } from './log';

const BATCH = 500;
/** How long a reader waits before reading the log again while the database is unreachable. */
const OUTAGE_RETRY_MS = [250, 500, 1000, 2000];

export interface EventSubscriptionOptions<TPayload> {
  context: BaseContext;
  stream: string;
  /** The client's resume point (the last `eventId` it received), checked before anything is sent. */
  after?: string | null;
  /** Keeps the events this subscriber asked for (its arguments: a station, an arrondissement…). */
  accept?: (event: LoggedEvent<TPayload>) => boolean;
}

/**
 * The `subscribe` option of a type-graphql `@Subscription` over one stream of the event log,
 * resumable with its `after` argument: `accept` turns the subscription's arguments (and caller)
 * into its event filter, once, and may refuse them by throwing before anything is read.
 */
export function eventLogSubscription<TArgs extends { after?: string | null }, TPayload>(
  stream: string,
  accept: (args: TArgs, context: BaseContext) => (event: LoggedEvent<TPayload>) => boolean,
): (
  data: SubscribeResolverData<unknown, TArgs, BaseContext>,
) => Promise<AsyncIterableIterator<LoggedEvent<TPayload>>> {
  return ({ args, context }) =>
    subscribeToEvents({ context, stream, after: args.after, accept: accept(args, context) });
}

/**
 * The `subscribe` of a log-backed subscription: every event of `stream` after the resume point,
 * in order, then live ones as they commit. A bad `after` rejects here, before the first event, so
 * the client gets one clear error. Each event is resolved with fresh loaders: a subscription
 * lives for hours and must not answer from the first event's cache.
 */
export async function subscribeToEvents<TPayload>(
  options: EventSubscriptionOptions<TPayload>,
): Promise<AsyncIterableIterator<LoggedEvent<TPayload>>> {
  const { context, stream, accept } = options;
  const hub = eventHubOf(context.db);
  // Watching starts before the first read, so a commit between the two still wakes the reader.
  const watcher = hub.watch(stream);
  let start: bigint;
  try {
    start = await resumePoint(context.db.manager, stream, options.after);
  } catch (error) {
    watcher.close();
    throw error;
  }
  return abortable(async function* follow(signal) {
    try {
      let cursor = start;
      let outage = 0;
      // A resume first reads what it missed: those events are old, not late (no lag is measured).
      let catchingUp = options.after !== null && options.after !== undefined;
      while (!signal.aborted) {
        let events: LoggedEvent<TPayload>[];
        try {
          events = (await readEvents(context.db.manager, stream, cursor, BATCH)) as LoggedEvent<TPayload>[];
          outage = 0;
        } catch (error) {
          // PostgreSQL restarting is not the subscriber's problem: keep the cursor, read again later.
          if (!isDatabaseUnavailable(error)) throw error;
          await watcher.changed(OUTAGE_RETRY_MS[Math.min(outage++, OUTAGE_RETRY_MS.length - 1)], signal);
          continue;
        }
        for (const event of events) {
          cursor = event.position;
          if (accept && !accept(event)) continue;
          context.loaders = new LoaderRegistry();
          markResolving(context, catchingUp ? undefined : event);
          yield event;
          if (signal.aborted) return;
        }
        if (events.length < BATCH) {
          catchingUp = false;
          await watcher.changed(hub.pollIntervalMs, signal);
        }
      }
    } finally {
      watcher.close();
    }
  });
}

/**
 * An async generator whose `return()` also interrupts its waits: a generator paused on an `await`
 * would otherwise finish only at its next event, keeping an idle subscription alive for minutes.
 */
function abortable<T>(start: (signal: AbortSignal) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const controller = new AbortController();
  const generator = start(controller.signal);
  return {
    next: () => generator.next(),
    return: (value?: unknown) => {
      controller.abort();
      return generator.return(value as T);
    },
    throw: (error?: unknown) => {
      controller.abort();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
