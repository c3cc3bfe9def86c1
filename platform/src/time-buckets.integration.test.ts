import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import {
  Granularity,
  granularityNamed,
  MAX_BUCKETS,
  parisBucketSql,
  validateTimeRange,
  type TimeRange,
} from './time-buckets';

const HOUR = 3_600_000;
const names = { from: 'filter.since', to: 'filter.until', granularity: 'filter.granularity' };

function refusal(range: TimeRange): GraphQLError | undefined {
  try {
    validateTimeRange(range, names);
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('validateTimeRange', () => {
  const from = new Date('2026-01-01T00:00:00Z');

  it('refuses an empty or reversed range, naming the start', () => {
    for (const to of [from, new Date(from.getTime() - 1)]) {
      const error = refusal({ from, to, granularity: Granularity.DAY });
      expect(error?.extensions.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions.argument).toBe('filter.since');
      expect(error?.message).toContain('filter.until');
    }
  });

  it('takes up to MAX_BUCKETS buckets and refuses one more, naming the granularity', () => {
    const at = (hours: number) => new Date(from.getTime() + hours * HOUR);
    expect(refusal({ from, to: at(MAX_BUCKETS), granularity: Granularity.HOUR })).toBeUndefined();
    const error = refusal({ from, to: at(MAX_BUCKETS + 1), granularity: Granularity.HOUR });
    expect(error?.extensions.argument).toBe('filter.granularity');
    // Months count as 28 days, so no range of real months slips past the bound.
    expect(refusal({ from, to: at(MAX_BUCKETS * 24 * 28), granularity: Granularity.MONTH })).toBeUndefined();
    expect(
      refusal({ from, to: at(MAX_BUCKETS * 24 * 28 + 1), granularity: Granularity.MONTH }),
    ).toBeDefined();
  });
});

describe('granularityNamed', () => {
  it('reads the GraphQL names and nothing else', () => {
    expect(granularityNamed('WEEK')).toBe(Granularity.WEEK);
    expect(granularityNamed('week')).toBeUndefined();
    expect(granularityNamed('YEAR')).toBeUndefined();
  });
});

describe('parisBucketSql', () => {
  let database: Client;
  beforeAll(async () => {
    database = new Client({ connectionString: inject('databaseUrl') });
    await database.connect();
  });
  afterAll(() => database?.end());

  async function bucket(granularity: Granularity, instant: string): Promise<string> {
    const { rows } = await database.query<{ start: Date }>(
      `SELECT ${parisBucketSql('$1', '$2::timestamptz')} AS start`,
      [granularity, instant],
    );
    return rows[0].start.toISOString();
  }

  it('starts days, weeks and months at Paris midnight, on either side of a clock change', async () => {
    // Paris moved from UTC+1 to UTC+2 at 01:00 UTC on Sunday 29 March 2026.
    expect(await bucket(Granularity.DAY, '2026-03-29T00:30:00Z')).toBe('2026-03-28T23:00:00.000Z');
    expect(await bucket(Granularity.DAY, '2026-03-29T22:30:00Z')).toBe('2026-03-29T22:00:00.000Z');
    expect(await bucket(Granularity.HOUR, '2026-03-29T01:30:00Z')).toBe('2026-03-29T01:00:00.000Z');
    expect(await bucket(Granularity.WEEK, '2026-03-29T12:00:00Z')).toBe('2026-03-22T23:00:00.000Z');
    expect(await bucket(Granularity.MONTH, '2026-04-15T12:00:00Z')).toBe('2026-03-31T22:00:00.000Z');
    // And back to UTC+1 at 01:00 UTC on Sunday 25 October 2026.
    expect(await bucket(Granularity.DAY, '2026-10-25T23:30:00Z')).toBe('2026-10-25T23:00:00.000Z');
    expect(await bucket(Granularity.MONTH, '2026-10-31T23:30:00Z')).toBe('2026-10-31T23:00:00.000Z');
  });
});
