/**
 * What counts the events it has queued and not yet released by its transport (a slow reader grows
 * it): SSE releases them once the kernel has them, graphql-ws once the client confirms reading them.
 */
export interface Backlog {
  waiting: number;
}

/**
 * Where an outbox's frames go: one batch written at once. `owners` lists, frame by frame, whose
 * event each is (or nothing, for a protocol message); the transport calls `release` on them.
 */
export type WriteBatch = (frames: Buffer[], owners: readonly (Backlog | undefined)[]) => void;

/** The events of a batch no longer wait. */
export function release(owners: readonly (Backlog | undefined)[]): void {
  for (const owner of owners) if (owner) owner.waiting -= 1;
}

const pending = new Set<Outbox>();
let scheduled = false;

/** Writes every outbox that has frames: once per event-loop turn for all connections. */
export function flushOutboxes(): void {
  scheduled = false;
  for (const outbox of pending) outbox.flush();
  pending.clear();
}

/**
 * One connection's writes, coalesced per event-loop turn: every frame queued during a turn (the
 * events of all its subscriptions, protocol messages) leaves in one batch, one system call. It
 * counts, per subscriber, the events queued and not yet released by the transport, which is what
 * back-pressure reads to close a client that reads too slowly.
 */
export class Outbox {
  private shut = false;
  private frames: Buffer[] = [];
  private owners: (Backlog | undefined)[] = [];

  constructor(private readonly writeBatch: WriteBatch) {}

  push(frame: Buffer, owner?: Backlog): void {
    if (this.shut) return;
    this.frames.push(frame);
    this.owners.push(owner);
    if (owner) owner.waiting += 1;
    if (this.frames.length > 1) return;
    pending.add(this);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flushOutboxes);
    }
  }

  /** Writes what is queued now (before a close, whose frame must follow the events). */
  flush(): void {
    if (this.frames.length === 0) return;
    const { frames, owners } = this;
    this.frames = [];
    this.owners = [];
    pending.delete(this);
    this.writeBatch(frames, owners);
  }

  /** Closed: what was queued has been written, nothing more will be. */
  get closed(): boolean {
    return this.shut;
  }

  /** Writes what is queued now (a close's frame must follow the events) and takes nothing more. */
  close(): void {
    this.flush();
    this.shut = true;
  }
}
