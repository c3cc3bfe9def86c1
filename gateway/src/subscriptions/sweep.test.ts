import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sweep } from './sweep';

describe('a sweep of keep-alives or heartbeats', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('visits every member once per period, a slice per tick instead of all in one turn', () => {
    const visits: number[][] = [];
    let tick: number[] = [];
    const sweep = new Sweep<number>(1000, (member) => tick.push(member));
    for (let member = 0; member < 1000; member += 1) sweep.add(member);
    for (let step = 0; step < 10; step += 1) {
      vi.advanceTimersByTime(100);
      visits.push(tick);
      tick = [];
    }
    expect(visits.map((slice) => slice.length)).toEqual(Array(10).fill(100));
    expect(new Set(visits.flat()).size).toBe(1000);
    vi.advanceTimersByTime(100);
    expect(tick).toHaveLength(0); // the round ended: the next starts on the next tick
    vi.advanceTimersByTime(100);
    expect(tick).toEqual([...Array(100).keys()]);
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
