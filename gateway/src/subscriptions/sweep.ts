/** How often a sweep visits its next slot: small enough that a slot of 10,000 members is a few ms. */
const TICK_MS = 100;

/**
 * Visits each member once per period, one slot per tick, instead of all of them in one turn: a
 * keep-alive ping or heartbeat written to 10,000 connections at once is 10,000 writes in one
 * event-loop turn (about 200 ms), which an event arriving then waits behind for every subscriber.
 * Members are dealt to the slots in turn and keep theirs, so each is visited exactly one period
 * after its previous visit, as with one timer for all.
 */
export class Sweep<T> {
  private readonly slots: Set<T>[];
  private readonly slotOf = new Map<T, Set<T>>();
  private nextSlot = 0;
  private current = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    periodMs: number,
    private readonly visit: (member: T) => void,
  ) {
    const count = Math.max(1, Math.round(periodMs / TICK_MS));
    this.slots = Array.from({ length: count }, () => new Set<T>());
  }

  get size(): number {
    return this.slotOf.size;
  }

  add(member: T): void {
    if (this.slotOf.has(member)) return;
    const slot = this.slots[this.nextSlot];
    this.nextSlot = (this.nextSlot + 1) % this.slots.length;
    slot.add(member);
    this.slotOf.set(member, slot);
    this.timer ??= setInterval(() => this.tick(), TICK_MS).unref();
  }

  delete(member: T): void {
    this.slotOf.get(member)?.delete(member);
    this.slotOf.delete(member);
    if (this.slotOf.size === 0) this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const slot = this.slots[this.current];
    this.current = (this.current + 1) % this.slots.length;
    for (const member of [...slot]) this.visit(member);
  }
}
