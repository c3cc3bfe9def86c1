import type { Backlog } from './outbox';

/** Sends a ping with this payload; `written` once it has left (with an error if it never will). */
export type SendPing = (payload: Buffer, written: (error?: Error) => void) => void;

interface Awaited {
  id: number;
  counts: Map<Backlog, number>;
  /** The ping has left: only then can a pong for it be genuine. */
  sent: boolean;
}

/**
 * What a WebSocket client has confirmed reading. A client that stops reading still has its events
 * "written" for a long while: the kernel's socket buffers take megabytes first (measured: 1.4 MB
 * taken for a paused reader, none left waiting in the process), so counting events until the
 * kernel takes them never fills a paused reader's backlog. A WebSocket client answers a ping only
 * after reading what came before it (RFC 6455 §5.5.2, answered in order, payload echoed), so each
 * graphql-ws subscriber's events wait until the pong of a ping written after them: a ping follows a
 * batch once a subscriber has `every` events written since the last ping, and the keep-alive's
 * pings confirm too. A pong is taken only for a ping that has left the process, so a client sending
 * pongs of its own cannot release events still queued here.
 */
export class Receipts {
  /** Subscribers with events written since the last ping, and how many. */
  private unpinged?: Map<Backlog, number>;
  private readonly awaiting: Awaited[] = [];
  private sequence = 0;

  constructor(private readonly every: number) {}

  /** Records a batch just written; true when a ping should follow it. */
  written(owners: readonly (Backlog | undefined)[]): boolean {
    let due = false;
    for (const owner of owners) {
      if (!owner) continue;
      this.unpinged ??= new Map();
      const count = (this.unpinged.get(owner) ?? 0) + 1;
      this.unpinged.set(owner, count);
      if (count >= this.every) due = true;
    }
    return due;
  }

  /** Pings after everything written so far: its pong confirms it all. */
  ping(send: SendPing): void {
    this.sequence += 1;
    const awaited: Awaited | undefined = this.unpinged
      ? { id: this.sequence, counts: this.unpinged, sent: false }
      : undefined;
    this.unpinged = undefined;
    if (awaited) this.awaiting.push(awaited);
    send(Buffer.from(String(this.sequence)), (error) => {
      if (awaited && !error) awaited.sent = true;
    });
  }

  /** A pong: the client has read everything written before the ping it answers. */
  pong(payload: Buffer): void {
    const id = Number(payload.toString('latin1'));
    if (!Number.isSafeInteger(id) || id <= 0) return;
    while (this.awaiting.length > 0 && this.awaiting[0].id <= id && this.awaiting[0].sent) {
      const confirmed = this.awaiting.shift() as Awaited;
      for (const [owner, count] of confirmed.counts) owner.waiting -= count;
    }
  }
}
