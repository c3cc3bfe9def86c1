import { badInput } from '../errors';

/** How far back `after` may reach: a client away longer reloads rather than receive a flood. */
export const MAX_RESUMED_INTERVALS = 1000;
export const MIN_INTERVAL_SECONDS = 5;
export const MAX_INTERVAL_SECONDS = 3600;

/**
 * The first interval end (Unix seconds) a computed, interval-aligned subscription sends: the
 * current interval without `after`, else the one after it. Intervals are aligned on multiples of
 * their length since the Unix epoch, so every subscriber (and every replica) computes the same
 * windows under the same eventId, and a missed window can be recomputed from stored data: that
 * is what makes such a stream resumable without logging it. `field` names it in errors.
 */
export function firstIntervalEnd(
  field: string,
  intervalSeconds: number,
  after: string | null | undefined,
  nowSeconds: number,
): number {
  if (
    !Number.isInteger(intervalSeconds) ||
    intervalSeconds < MIN_INTERVAL_SECONDS ||
    intervalSeconds > MAX_INTERVAL_SECONDS
  ) {
    throw badInput(
      `\`intervalSeconds\` must be from ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS} (got ${intervalSeconds})`,
      'intervalSeconds',
    );
  }
  const latest = Math.floor(nowSeconds / intervalSeconds) * intervalSeconds;
  if (after === null || after === undefined) return latest; // the current interval at once
  if (!/^\d{1,12}$/.test(after)) {
    throw badInput(`after must be an eventId received from ${field}; got ${JSON.stringify(after)}`, 'after');
  }
  const resumeFrom = Number(after);
  if (resumeFrom > nowSeconds) throw badInput(`after: eventId ${after} is in the future`, 'after');
  if (latest - resumeFrom > MAX_RESUMED_INTERVALS * intervalSeconds) {
    throw badInput(
      `after: eventId ${after} is more than ${MAX_RESUMED_INTERVALS} intervals back; subscribe again without after`,
      'after',
    );
  }
  return (Math.floor(resumeFrom / intervalSeconds) + 1) * intervalSeconds;
}

/**
 * The iterator of an interval-aligned subscription: each `next()` waits for the end of the next
 * interval, then computes it (at once for intervals already past, when resuming). A timer, not a
 * generator: `return()` must cancel a wait of up to an hour immediately, which an async generator
 * paused on its `await` cannot do.
 */
export class IntervalTicker<TEvent> implements AsyncIterableIterator<TEvent> {
  private timer?: NodeJS.Timeout;
  private wake?: () => void;
  private stopped = false;

  constructor(
    /** Computes the interval ending at `end` (Unix seconds). */
    private readonly compute: (end: number) => Promise<TEvent>,
    private readonly intervalSeconds: number,
    private nextEnd: number,
  ) {}

  async next(): Promise<IteratorResult<TEvent>> {
    const wait = this.nextEnd * 1000 - Date.now();
    if (wait > 0 && !this.stopped) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, wait);
      });
    }
    if (this.stopped) return { done: true, value: undefined };
    const end = this.nextEnd;
    this.nextEnd += this.intervalSeconds;
    return { done: false, value: await this.compute(end) };
  }

  return(): Promise<IteratorResult<TEvent>> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wake?.();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error?: unknown): Promise<IteratorResult<TEvent>> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<TEvent> {
    return this;
  }
}
