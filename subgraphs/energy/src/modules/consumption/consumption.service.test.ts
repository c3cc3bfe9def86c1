import { describe, expect, it } from 'vitest';
import { Granularity } from './consumption.entity';
import { ConsumptionSource, sourceFor } from './consumption.service';

const at = (iso: string) => new Date(iso);

describe('where energyConsumption sums from', () => {
  it('takes the daily roll-up between Paris midnights, in winter and in summer time', () => {
    for (const granularity of [Granularity.DAY, Granularity.WEEK, Granularity.MONTH]) {
      expect(
        sourceFor({ granularity, from: at('2025-01-31T23:00:00Z'), to: at('2025-06-30T22:00:00Z') }),
      ).toBe(ConsumptionSource.DAILY);
    }
  });

  it('takes the hourly roll-up on the hour, or for hourly buckets', () => {
    expect(
      sourceFor({
        granularity: Granularity.DAY,
        from: at('2025-02-01T00:00:00Z'),
        to: at('2025-02-02T00:00:00Z'),
      }),
    ).toBe(ConsumptionSource.HOURLY);
    expect(
      sourceFor({
        granularity: Granularity.HOUR,
        from: at('2025-01-31T23:00:00Z'),
        to: at('2025-02-01T23:00:00Z'),
      }),
    ).toBe(ConsumptionSource.HOURLY);
  });

  it('reads the readings themselves when a bound falls inside an hour', () => {
    expect(
      sourceFor({
        granularity: Granularity.DAY,
        from: at('2025-01-31T23:00:00Z'),
        to: at('2025-02-01T23:15:00Z'),
      }),
    ).toBe(ConsumptionSource.READINGS);
    expect(
      sourceFor({
        granularity: Granularity.MONTH,
        from: at('2025-01-31T22:59:59.999Z'),
        to: at('2025-06-30T22:00:00Z'),
      }),
    ).toBe(ConsumptionSource.READINGS);
  });
});
