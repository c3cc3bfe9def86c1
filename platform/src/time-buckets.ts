import { registerEnumType } from 'type-graphql';
import { badInput } from './errors';

/** Calendar buckets of a server-side aggregate; the values are PostgreSQL `date_trunc` fields. */
export enum Granularity {
  HOUR = 'hour',
  DAY = 'day',
  WEEK = 'week',
  MONTH = 'month',
}

registerEnumType(Granularity, { name: 'Granularity', description: 'Calendar buckets, in Paris time.' });

/** A year of hourly buckets: enough for any dashboard, bounded for the server. */
export const MAX_BUCKETS = 9000;

/** The shortest length of each bucket (a month is at least 28 days), so the count is never underestimated. */
const BUCKET_HOURS: Record<Granularity, number> = {
  [Granularity.HOUR]: 1,
  [Granularity.DAY]: 24,
  [Granularity.WEEK]: 24 * 7,
  [Granularity.MONTH]: 24 * 28,
};

/** A granularity as callers write it (`DAY`), from an export parameter; undefined when it is none. */
export function granularityNamed(name: string): Granularity | undefined {
  return Object.entries(Granularity).find(([key]) => key === name)?.[1];
}

export interface TimeRange {
  from: Date;
  to: Date;
  granularity: Granularity;
}

/**
 * Refuses a reversed or empty range and one that holds more than MAX_BUCKETS buckets; `names`
 * are the caller's argument names, so the message points at what to change.
 */
export function validateTimeRange(
  range: TimeRange,
  names: { from: string; to: string; granularity: string } = {
    from: 'from',
    to: 'to',
    granularity: 'granularity',
  },
): void {
  if (!(range.from.getTime() < range.to.getTime())) {
    throw badInput(`\`${names.from}\` must be before \`${names.to}\``, names.from);
  }
  const hours = (range.to.getTime() - range.from.getTime()) / 3_600_000;
  if (hours / BUCKET_HOURS[range.granularity] > MAX_BUCKETS) {
    throw badInput(
      `That range holds more than ${MAX_BUCKETS} ${range.granularity} buckets: use a coarser \`${names.granularity}\``,
      names.granularity,
    );
  }
}

/**
 * SQL for the Paris calendar bucket holding `column` (a timestamptz), as a Paris wall-clock
 * timestamp: cheap to group by. `granularity` is the placeholder of a Granularity value.
 */
export function parisLocalBucketSql(granularity: string, column: string): string {
  return `date_trunc(${granularity}, ${column} AT TIME ZONE 'Europe/Paris')`;
}

/** The instant a Paris wall-clock time (such as a grouped `parisLocalBucketSql`) designates. */
export function fromParisLocalSql(local: string): string {
  return `(${local} AT TIME ZONE 'Europe/Paris')`;
}

/**
 * SQL for the start of the Paris calendar bucket holding `column` (a timestamptz): days, weeks and
 * months begin at Paris midnight, across daylight-saving changes. Grouping many rows, group by
 * `parisLocalBucketSql` and convert the groups with `fromParisLocalSql` instead: one time-zone
 * conversion per row rather than two.
 */
export function parisBucketSql(granularity: string, column: string): string {
  return fromParisLocalSql(parisLocalBucketSql(granularity, column));
}
