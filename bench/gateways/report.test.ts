import { describe, expect, it } from 'vitest';
import { median, ratioWithinRound, summarise, type Measurement } from './report';

const run = (
  round: number,
  gateway: string,
  requestsPerSecond: number,
  mode: Measurement['mode'] = 'unique',
): Measurement => ({
  round,
  gateway,
  mode,
  requestsPerSecond,
  p50Ms: 100 * round,
  p99Ms: 300 * round,
  answers: 10,
  failures: round === 2 ? 1 : 0,
  fetchesAlone: 9,
  fetchesPerRequest: 9,
  gatewayCpuPercent: 95,
  gatewayRssMb: 120,
  otherLoadPercent: 0,
});

describe('gateway benchmark report', () => {
  it('takes the median of the finite values, averaging the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });

  it('compares a gateway with its peer of the same round and mode only', () => {
    const runs = [
      run(1, 'apollo', 50),
      run(1, 'ocg', 150),
      run(2, 'apollo', 25),
      run(2, 'ocg', 100),
      run(1, 'apollo', 10, 'identical'),
    ];
    expect(ratioWithinRound(runs, runs[1], 'apollo')).toBe(3);
    expect(ratioWithinRound(runs, runs[3], 'apollo')).toBe(4);
    expect(ratioWithinRound(runs, runs[1], 'hive-tuned')).toBeNaN();
  });

  it('summarises the median of per-round ratios, not the ratio of medians', () => {
    // ours: 150 / 50 = 3 in round 1, 40 / 10 = 4 in round 2, 60 / 30 = 2 in round 3 → median 3;
    // the ratio of the medians (60 / 30 = 2) would hide that the rounds disagree.
    const runs = [
      run(1, 'apollo', 50),
      run(1, 'ocg', 150),
      run(2, 'apollo', 10),
      run(2, 'ocg', 40),
      run(3, 'apollo', 30),
      run(3, 'ocg', 60),
    ];
    const ours = summarise(runs, ['apollo']).find((s) => s.gateway === 'ocg');
    expect(ours?.ratios.apollo).toEqual({ perRound: [3, 4, 2], median: 3 });
    expect(ours).toMatchObject({
      requestsPerSecond: 60,
      minRequestsPerSecond: 40,
      maxRequestsPerSecond: 150,
      p99Ms: 600,
      failures: 1,
    });
  });
});
