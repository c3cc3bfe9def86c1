import type { DataSource } from 'typeorm';
import { ARRONDISSEMENT_CODES } from '#platform/city';
import { firstIntervalEnd } from '#platform/events/interval-ticker';
import { MIN_PUBLISHED_COUNT } from '../accompaniment-stats/accompaniment-stats.suppression';
import type {
  OpenAccompanimentRequestCount,
  OpenAccompanimentRequestCountsArgs,
  OpenAccompanimentRequestCountsEvent,
} from './open-request-count.entity';

/**
 * Open requests per arrondissement at an instant, from the lifecycle timestamps (open from
 * `created_at` until accepted or cancelled), so any past interval can be recomputed exactly and
 * the stream resumes without gaps. Public: only counts, each withheld under the publication
 * threshold, and no city total (total minus the visible cells would give the withheld ones).
 * Counts per interval rather than per event: an event per request would time each person's step.
 */
export class OpenRequestCountService {
  constructor(private readonly db: DataSource) {}

  firstIntervalEnd(args: OpenAccompanimentRequestCountsArgs, nowSeconds: number): number {
    return firstIntervalEnd('openAccompanimentRequestCounts', args.intervalSeconds, args.after, nowSeconds);
  }

  async countsAt(atSeconds: number, intervalSeconds: number): Promise<OpenAccompanimentRequestCountsEvent> {
    const rows = await this.db.query<{ arrondissement: number; open: number }[]>(
      `SELECT arrondissement_code AS arrondissement, count(*)::int AS open
         FROM accompaniment_request
        WHERE created_at <= to_timestamp($1)
          AND (accepted_at IS NULL OR accepted_at > to_timestamp($1))
          AND (cancelled_at IS NULL OR cancelled_at > to_timestamp($1))
        GROUP BY arrondissement_code`,
      [atSeconds],
    );
    const open = new Map(rows.map((row) => [row.arrondissement, row.open]));
    return {
      eventId: String(atSeconds),
      at: new Date(atSeconds * 1000),
      intervalSeconds,
      arrondissements: ARRONDISSEMENT_CODES.map((code) => published(code, open.get(code) ?? 0)),
    };
  }
}

function published(code: number, open: number): OpenAccompanimentRequestCount {
  const suppressed = open < MIN_PUBLISHED_COUNT;
  return { arrondissement: { code }, openRequests: suppressed ? null : open, suppressed };
}
