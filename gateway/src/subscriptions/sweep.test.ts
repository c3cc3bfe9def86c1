import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sweep } from './sweep';

describe('a sweep of keep-alives or heartbeats', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('visits every member once per period, a slot per tick instead of all in one turn', () => {
    let tick: number[] = [];
    const sweep = new Sweep<number>(1000, (member) => tick.push(member));
    for (let member = 0; member < 1000; member += 1) sweep.add(member);
    const slices: number[][] = [];
    for (let step = 0; step < 20; step += 1) {
      vi.advanceTimersByTime(100);
      slices.push(tick);
      tick = [];
    }
    expect(slices.map((slice) => slice.length)).toEqual(Array(20).fill(100));
    expect(new Set(slices.slice(0, 10).flat()).size).toBe(1000);
    // The same members in the same slot one period later.
    expect(slices.slice(10)).toEqual(slices.slice(0, 10));
    sweep.stop();
  });

  it('visits a lone member once per period, not once per tick', () => {
    const visits: number[] = [];
    const sweep = new Sweep<string>(1000, () => visits.push(Date.now()));
    sweep.add('only');
    vi.advanceTimersByTime(3000);
    expect(visits).toHaveLength(3);
    expect(visits[2] - visits[1]).toBe(1000);
    sweep.stop();
  });

  it('skips members removed before their turn and stops ticking when none is left', () => {
    const visited: string[] = [];
    const sweep = new Sweep<string>(200, (member) => visited.push(member));
    sweep.add('kept');
    sweep.add('gone');
    sweep.delete('gone');
    vi.advanceTimersByTime(200);
    expect(visited).toEqual(['kept']);
    sweep.delete('kept');
    expect(vi.getTimerCount()).toBe(0);
  });
});
