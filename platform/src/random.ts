/**
 * A small seeded generator (mulberry32): the same seed always yields the same city, so generated
 * datasets are reproducible and a paper's figure can be recomputed.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number, stream = '') {
    let hash = seed >>> 0;
    for (const char of stream) hash = Math.imul(hash ^ char.charCodeAt(0), 2654435761) >>> 0;
    this.state = hash || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  integer(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = this.next() * total;
    for (const [item, weight] of items) {
      threshold -= weight;
      if (threshold <= 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** Normal distribution (Box–Muller). */
  normal(mean: number, deviation: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A point uniformly spread within `radiusMeters` of a centre. */
  pointNear(
    latitude: number,
    longitude: number,
    radiusMeters: number,
  ): { latitude: number; longitude: number } {
    const distance = radiusMeters * Math.sqrt(this.next());
    const bearing = 2 * Math.PI * this.next();
    const metersPerDegree = 111_320;
    return {
      latitude: latitude + (distance * Math.cos(bearing)) / metersPerDegree,
      longitude:
        longitude + (distance * Math.sin(bearing)) / (metersPerDegree * Math.cos((latitude * Math.PI) / 180)),
    };
  }
}
