/** The smallest count the service publishes: fewer people than this could be recognised. */
export const MIN_PUBLISHED_COUNT = 5;

/** The raw figures of one cell, before anything is withheld. */
export interface StatsCounts {
  requests: number;
  completed: number;
  volunteersActive: number;
  /** Accepted requests: the basis of the mean response time. */
  accepted: number;
  /** Sum of the response times of the accepted requests, in minutes. */
  responseMinutes: number;
}

/** The additive figures: a caller could subtract the visible months from their year for these. */
const ADDITIVE: (keyof StatsCounts)[] = ['requests', 'completed', 'accepted'];

export function isSmall(counts: StatsCounts): boolean {
  return (
    counts.requests < MIN_PUBLISHED_COUNT ||
    counts.completed < MIN_PUBLISHED_COUNT ||
    counts.volunteersActive < MIN_PUBLISHED_COUNT ||
    counts.accepted < MIN_PUBLISHED_COUNT
  );
}

export interface YearSuppression {
  yearSuppressed: boolean;
  monthSuppressed: boolean[];
}

/**
 * Decides what to withhold in one arrondissement's year: first every cell with a small count
 * (primary suppression), then, while the year itself is published, enough further months that
 * "year minus the visible months" never isolates one withheld month nor adds up to a small
 * count (complementary suppression). `year` is undefined for a year that is not over, which
 * publishes no year cell and so needs no complement.
 */
export function suppressYear(year: StatsCounts | undefined, months: StatsCounts[]): YearSuppression {
  const monthSuppressed = months.map(isSmall);
  if (!year) return { yearSuppressed: false, monthSuppressed };
  if (isSmall(year)) return { yearSuppressed: true, monthSuppressed: months.map(() => true) };
  for (;;) {
    const hidden = months.filter((_, index) => monthSuppressed[index]);
    if (hidden.length === 0) break;
    const safe =
      hidden.length >= 2 &&
      ADDITIVE.every((key) => hidden.reduce((sum, counts) => sum + counts[key], 0) >= MIN_PUBLISHED_COUNT);
    if (safe) break;
    let next = -1;
    months.forEach((counts, index) => {
      if (!monthSuppressed[index] && (next < 0 || counts.requests < months[next].requests)) next = index;
    });
    // Every month withheld: what remains derivable is the year itself, which is not small.
    if (next < 0) break;
    monthSuppressed[next] = true;
  }
  return { yearSuppressed: false, monthSuppressed };
}
