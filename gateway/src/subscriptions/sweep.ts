/** How often a sweep takes its next slice: small enough that a slice of 10,000 members is a few ms. */
const TICK_MS = 100;

/**
 * Visits each member once per period, a slice per tick, instead of all of them in one turn: a
 * keep-alive ping or heartbeat written to 10,000 connections at once is 10,000 writes in one
 * event-loop turn (about 200 ms), which an event arriving then waits behind for every subscriber.
 * Members added during a round are visited in it or the next; removed ones are skipped.
 */
export class Sweep<T> {
  private readonly members = new Set<T>();
  private cursor?: Iterator<T>;
  private timer?: NodeJS.Timeout;
  private readonly ticksPerPeriod: number;

  constructor(
    periodMs: number,
    private readonly visit: (member: T) => void,
  ) {
    this.ticksPerPeriod = Math.max(1, Math.round(periodMs / TICK_MS));
  }

  get size(): number {
    return this.members.size;
  }

  add(member: T): void {
    this.members.add(member);
    this.timer ??= setInterval(() => this.tick(), TICK_MS).unref();
  }

  delete(member: T): void {
    this.members.delete(member);
    if (this.members.size > 0 || !this.timer) return;
    this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.cursor = undefined;
  }

  private tick(): void {
    let left = Math.ceil(this.members.size / this.ticksPerPeriod);
    this.cursor ??= this.members.values();
    while (left > 0) {
      const next = this.cursor.next();
      if (next.done) {
        // A round ends here; the next one starts with the next tick, so none is visited twice in a period.
        this.cursor = undefined;
        return;
      }
      left -= 1;
      this.visit(next.value);
    }
  }
}
