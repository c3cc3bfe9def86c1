import type { ExecutionResult } from 'graphql/index.js';
import type { Backlog } from './outbox';
import type { SharedEvent } from './shared-event';

/**
 * One client's place on a shared stream: the group hands it each event once and in order
 * (`cursor` skips replayed positions), the transport writes the event's shared bytes. A client
 * with `limit` events waiting (not yet released by its transport) is closed as too slow, told where to resume.
 */
export abstract class ClientStream implements Backlog {
  /** The newest position handed to this client. */
  cursor?: bigint;
  waiting = 0;
  /** Detaches from the group; set by the engine when the client joins. */
  leave?: () => void;
  protected finished = false;
  /** The newest event written for this client: it resumes after it when closed as too slow. */
  private written?: string;

  constructor(private readonly limit: number) {}

  /**
   * `replayed` events (those a resuming client asked for, at most `SUBSCRIPTION_REPLAY_BUFFER`) are
   * written without counting against the limit: a replay as long as the buffer must not close a
   * client before it had the time to confirm reading it.
   */
  deliver(event: SharedEvent, replayed = false): void {
    if (this.finished) return;
    if (this.waiting >= this.limit) {
      const resume = this.written ? ` with after: "${this.written}"` : '';
      this.finish();
      this.tooSlow(
        `Subscription closed: the client read too slowly (${this.limit} events waiting); subscribe again${resume}`,
      );
      return;
    }
    this.written = event.eventId;
    this.write(event, !replayed);
  }

  /** The stream ended (the group failed or the server stops): a last result if given, then the end. */
  end(result?: ExecutionResult): void {
    if (this.finished) return;
    this.finish();
    this.ended(result);
  }

  /** The client went away or completed: nothing more is written. */
  detach(): void {
    this.finish();
  }

  /** Queues the event's bytes; `counted` ones wait (in `waiting`) until the transport releases them. */
  protected abstract write(event: SharedEvent, counted: boolean): void;
  protected abstract tooSlow(message: string): void;
  protected abstract ended(result?: ExecutionResult): void;

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.leave?.();
    this.leave = undefined;
  }
}
