import type { ExecutionResult } from 'graphql/index.js';

/** One event as a client receives it; `eventId` also becomes the SSE `id:` line. */
export interface StreamItem {
  eventId?: string;
  result: ExecutionResult;
}

/** The client read too slowly: its bounded buffer filled. It resumes with the `after` in the message. */
export class SlowConsumerError extends Error {}

/**
 * One client's view of a shared stream: a bounded queue between the group that resolves each
 * event once and the transport that serializes and sends it. It delivers each position at most
 * once and in order (`cursor`), which is what makes replays and upstream reconnects duplicate-free.
 */
export class ClientStream implements AsyncIterableIterator<StreamItem> {
  /** The newest position queued for this client. */
  cursor?: bigint;
  private readonly queue: StreamItem[] = [];
  private delivered?: string;
  private finished = false;
  private failure?: Error;
  private wake?: () => void;

  constructor(
    private readonly limit: number,
    private readonly detach: () => void,
  ) {}

  deliver(position: bigint, result: ExecutionResult): void {
    if (this.finished || (this.cursor !== undefined && position <= this.cursor)) return;
    this.cursor = position;
    if (this.queue.length >= this.limit) {
      const resume = this.delivered ? ` with after: "${this.delivered}"` : '';
      this.stop(
        new SlowConsumerError(
          `Subscription closed: the client read too slowly (${this.limit} events waiting); subscribe again${resume}`,
        ),
      );
      return;
    }
    this.queue.push({ eventId: position.toString(), result });
    this.wake?.();
  }

  /** Ends the stream, after a last result (an error) if given. */
  end(result?: ExecutionResult): void {
    if (this.finished) return;
    if (result) this.queue.push({ result });
    this.stop();
  }

  async next(): Promise<IteratorResult<StreamItem>> {
    for (;;) {
      const item = this.queue.shift();
      if (item) {
        if (item.eventId) this.delivered = item.eventId;
        return { done: false, value: item };
      }
      if (this.failure) throw this.failure;
      if (this.finished) return { done: true, value: undefined };
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  async return(): Promise<IteratorResult<StreamItem>> {
    this.queue.length = 0;
    this.stop();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<StreamItem>> {
    this.stop();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private stop(failure?: Error): void {
    if (failure) {
      this.failure = failure;
      this.queue.length = 0;
    }
    if (!this.finished) {
      this.finished = true;
      this.detach();
    }
    this.wake?.();
  }
}
