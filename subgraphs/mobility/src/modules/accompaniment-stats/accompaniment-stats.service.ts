import type { DataSource } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';
import { AccompanimentStatsCell, AccompanimentStatsPeriod } from './accompaniment-stats.entity';
import { suppressYear, type StatsCounts } from './accompaniment-stats.suppression';

/** Paris en Compagnie started in 2019: the grid of published cells starts with that year. */
export const FIRST_STATS_YEAR = 2019;
const TIME_ZONE = 'Europe/Paris';

interface CountsRow extends StatsCounts {
  arrondissement: number;
  year: number;
  month: number | null;
}

export interface StatsRange {
  period: AccompanimentStatsPeriod;
  fromYear?: number | null;
  toYear?: number | null;
}

/** Built once: a time-zoned DateTimeFormat costs far more to make than to use. */
const PARIS_YEAR_MONTH = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
});

/** The calendar month it is in Paris: the first month not yet published. */
export function parisMonth(now: Date): { year: number; month: number } {
  const parts = PARIS_YEAR_MONTH.formatToParts(now);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

const ZERO: StatsCounts = { requests: 0, completed: 0, volunteersActive: 0, accepted: 0, responseMinutes: 0 };

export class AccompanimentStatsService {
  constructor(
    private readonly db: DataSource,
    private readonly now: Date = new Date(),
  ) {}

  static validateRange(range: StatsRange): void {
    for (const argument of ['fromYear', 'toYear'] as const) {
      const year = range[argument];
      if (
        year !== null &&
        year !== undefined &&
        (!Number.isInteger(year) || year < FIRST_STATS_YEAR || year > 2100)
      ) {
        throw badInput(`\`${argument}\` must be a year from ${FIRST_STATS_YEAR} (got ${year})`, argument);
      }
    }
    if (range.fromYear && range.toYear && range.fromYear > range.toYear) {
      throw badInput('`fromYear` must not be after `toYear`', 'fromYear');
    }
  }

  /**
   * Every published cell (months and years) of the given arrondissements, in one statement. The
   * grid is always complete and always computed over whole years whatever the caller filters,
   * so a filter only chooses which cells to return and never changes what a cell shows.
   */
  async cellsByArrondissement(codes: readonly number[]): Promise<AccompanimentStatsCell[][]> {
    codes.forEach((code) => validateArrondissement(code));
    const current = parisMonth(this.now);
    const rows = await this.db.query<CountsRow[]>(
      `WITH request AS (
         SELECT arrondissement_code AS arrondissement,
                extract(year FROM requested_for AT TIME ZONE '${TIME_ZONE}')::int AS year,
                extract(month FROM requested_for AT TIME ZONE '${TIME_ZONE}')::int AS month,
                status, volunteer_id, created_at, accepted_at
           FROM accompaniment_request
          WHERE arrondissement_code = ANY($1::smallint[])
       )
       SELECT arrondissement, year, CASE WHEN GROUPING(month) = 1 THEN NULL ELSE month END AS month,
              count(*)::int AS requests,
              (count(*) FILTER (WHERE status = 'COMPLETED'))::int AS completed,
              count(DISTINCT volunteer_id)::int AS "volunteersActive",
              count(accepted_at)::int AS accepted,
              coalesce(sum(extract(epoch FROM accepted_at - created_at)) / 60, 0)::float8 AS "responseMinutes"
         FROM request
        WHERE year >= $2 AND year * 12 + month < $3
        GROUP BY GROUPING SETS ((arrondissement, year, month), (arrondissement, year))`,
      [[...codes], FIRST_STATS_YEAR, current.year * 12 + current.month],
    );
    const counts = new Map<string, StatsCounts>(
      rows.map((row) => [`${row.arrondissement}:${row.year}:${row.month ?? 'year'}`, row]),
    );
    return codes.map((code) => {
      const cells: AccompanimentStatsCell[] = [];
      for (let year = FIRST_STATS_YEAR; year <= current.year; year += 1) {
        const closedMonths = year < current.year ? 12 : current.month - 1;
        const months = Array.from(
          { length: closedMonths },
          (_, index) => counts.get(`${code}:${year}:${index + 1}`) ?? ZERO,
        );
        const yearClosed = year < current.year;
        const yearCounts = yearClosed ? (counts.get(`${code}:${year}:year`) ?? ZERO) : undefined;
        const decision = suppressYear(yearCounts, months);
        months.forEach((monthCounts, index) =>
          cells.push(
            cell(
              code,
              AccompanimentStatsPeriod.MONTH,
              year,
              index + 1,
              monthCounts,
              decision.monthSuppressed[index],
            ),
          ),
        );
        if (yearCounts)
          cells.push(
            cell(code, AccompanimentStatsPeriod.YEAR, year, null, yearCounts, decision.yearSuppressed),
          );
      }
      return cells;
    });
  }

  static select(cells: AccompanimentStatsCell[], range: StatsRange): AccompanimentStatsCell[] {
    return cells.filter(
      (entry) =>
        entry.period === range.period &&
        (!range.fromYear || entry.year >= range.fromYear) &&
        (!range.toYear || entry.year <= range.toYear),
    );
  }
}

function cell(
  arrondissementCode: number,
  period: AccompanimentStatsPeriod,
  year: number,
  month: number | null,
  counts: StatsCounts,
  suppressed: boolean,
): AccompanimentStatsCell {
  const published = !suppressed;
  return Object.assign(new AccompanimentStatsCell(), {
    arrondissementCode,
    period,
    year,
    month,
    suppressed,
    requests: published ? counts.requests : null,
    completed: published ? counts.completed : null,
    volunteersActive: published ? counts.volunteersActive : null,
    averageResponseMinutes: published
      ? Math.round((counts.responseMinutes / counts.accepted) * 10) / 10
      : null,
  });
}
