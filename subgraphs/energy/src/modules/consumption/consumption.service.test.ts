import { describe, expect, it } from 'vitest';
import { Granularity } from '#platform/time-buckets';
import { ConsumptionSource, sourceFor } from './consumption.service';

const { DAILY, HOURLY, READINGS } = ConsumptionSource;

describe('where energyConsumption sums from', () => {
  it.each([
    // Paris midnight to Paris midnight, across the spring clock change: whole days.
    [Granularity.DAY, '2025-01-31T23:00:00Z', '2025-06-30T22:00:00Z', DAILY],
    [Granularity.WEEK, '2025-01-31T23:00:00Z', '2025-06-30T22:00:00Z', DAILY],
    [Granularity.MONTH, '2025-01-31T23:00:00Z', '2025-06-30T22:00:00Z', DAILY],
    // Hours asked for, or UTC midnights (01:00 in Paris): whole hours.
    [Granularity.HOUR, '2025-01-31T23:00:00Z', '2025-02-01T23:00:00Z', HOURLY],
    [Granularity.DAY, '2025-02-01T00:00:00Z', '2025-02-02T00:00:00Z', HOURLY],
    // A bound inside an hour: the readings themselves.
    [Granularity.DAY, '2025-01-31T23:00:00Z', '2025-02-01T23:15:00Z', READINGS],
    [Granularity.MONTH, '2025-01-31T22:59:59.999Z', '2025-06-30T22:00:00Z', READINGS],
  ])('%s from %s to %s: %s', (granularity, from, to, source) => {
    expect(sourceFor({ granularity, from: new Date(from), to: new Date(to) })).toBe(source);
  });
});
