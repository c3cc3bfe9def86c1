import type { DataSource } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';
import { fromParisLocalSql, parisLocalBucketSql, validateTimeRange } from '#platform/time-buckets';
import { WASTE_STREAMS } from '../../waste-stream';
import type { WasteStreamStatistics } from './stream-statistics.entity';
import type { WasteStreamStatisticsFilter } from './stream-statistics.input';

interface StatisticsRow {
  stream: WasteStreamStatistics['stream'];
  start: Date;
  observations: number;
  average: number | null;
  minimum: number | null;
  maximum: number | null;
  share: number | null;
  collections: number;
  weight: number;
  hours: number | null;
}

/** The stations in scope, as a condition on `s` (waste_station): $4 arrondissement, $5 station, both optional. */
const STATIONS_IN_SCOPE =
  '($4::smallint IS NULL OR s.arrondissement_code = $4) AND ($5::text IS NULL OR s.id = $5)';

/**
 * Fill levels and collections per stream and Paris calendar bucket, in one statement: the
 * observations and the collections of the window are grouped apart, then joined on (stream,
 * bucket) so a bucket with reports but no collection (or the reverse) still shows. The window is
 * read through the time indexes city-wide, through the per-station ones when scoped. The time since
 * the previous collection comes from one sorted pass over the window's collections, each station's
 * stream preceded by its last collection before the window (one probe of
 * IDX_waste_collection_station per stream and station, not per collection). Nothing is summed in
 * JavaScript.
 */
export class StreamStatisticsService {
  constructor(private readonly db: DataSource) {}

  /** From the first report or collection stored to just after the last: the whole history (null when empty). */
  async history(): Promise<{ since: Date; until: Date } | null> {
    const [span] = await this.db.query<{ first: Date | null; last: Date | null }[]>(
      `SELECT least((SELECT min(observed_at) FROM filling_level_observation),
                    (SELECT min(collected_at) FROM waste_collection)) AS first,
              greatest((SELECT max(observed_at) FROM filling_level_observation),
                       (SELECT max(collected_at) FROM waste_collection)) AS last`,
    );
    if (!span.first || !span.last) return null;
    return { since: span.first, until: new Date(span.last.getTime() + 1) };
  }

  async statistics(filter: WasteStreamStatisticsFilter): Promise<WasteStreamStatistics[]> {
    validateTimeRange(
      { from: filter.since, to: filter.until, granularity: filter.granularity },
      { from: 'filter.since', to: 'filter.until', granularity: 'filter.granularity' },
    );
    validateArrondissement(filter.arrondissement, 'filter.arrondissement');
    if (!(filter.threshold > 0 && filter.threshold <= 1)) {
      throw badInput(
        `\`filter.threshold\` must be a level above 0 and at most 1 (got ${filter.threshold})`,
        'filter.threshold',
      );
    }
    if (filter.stationId !== null && filter.stationId !== undefined) {
      const [station] = await this.db.query<unknown[]>('SELECT 1 FROM waste_station WHERE id = $1', [
        filter.stationId,
      ]);
      if (!station) throw badInput('`filter.stationId` names no waste station', 'filter.stationId');
    }
    const streams = filter.streams?.length ? filter.streams : WASTE_STREAMS;
    const rows = await this.db.query<StatisticsRow[]>(
      `WITH observed AS (
         SELECT c.stream, ${parisLocalBucketSql('$1', 'o.observed_at')} AS local_start,
                count(*)::int AS observations, avg(o.filling_level)::float8 AS average,
                min(o.filling_level)::float8 AS minimum, max(o.filling_level)::float8 AS maximum,
                (count(*) FILTER (WHERE o.filling_level >= $7))::float8 / count(*) AS share
           FROM filling_level_observation o
           JOIN waste_container c ON c.id = o.container_id
           JOIN waste_station s ON s.id = c.station_id
          WHERE o.observed_at >= $2 AND o.observed_at < $3 AND c.stream = ANY($6) AND ${STATIONS_IN_SCOPE}
          GROUP BY 1, 2),
       in_window AS (
         SELECT w.id, w.station_id, w.stream, w.collected_at, w.weight_kg
           FROM waste_collection w
           JOIN waste_station s ON s.id = w.station_id
          WHERE w.collected_at >= $2 AND w.collected_at < $3 AND w.stream = ANY($6) AND ${STATIONS_IN_SCOPE}),
       last_before AS (
         SELECT previous.*
           FROM (SELECT DISTINCT station_id, stream FROM in_window) series
           CROSS JOIN LATERAL (
                SELECT p.id, p.station_id, p.stream, p.collected_at, p.weight_kg FROM waste_collection p
                 WHERE p.station_id = series.station_id AND p.stream = series.stream AND p.collected_at < $2
                 ORDER BY p.collected_at DESC, p.id DESC LIMIT 1) previous),
       timeline AS (
         SELECT *, lag(collected_at) OVER (PARTITION BY station_id, stream ORDER BY collected_at, id) AS previous
           FROM (SELECT *, true AS counted FROM in_window
                 UNION ALL SELECT *, false FROM last_before) collection),
       collected AS (
         SELECT stream, ${parisLocalBucketSql('$1', 'collected_at')} AS local_start,
                count(*)::int AS collections, sum(weight_kg)::float8 AS weight,
                (avg(extract(epoch FROM collected_at - previous)) / 3600)::float8 AS hours
           FROM timeline WHERE counted
          GROUP BY 1, 2)
       SELECT coalesce(o.stream, c.stream) AS stream, ${fromParisLocalSql('coalesce(o.local_start, c.local_start)')} AS start,
              coalesce(o.observations, 0) AS observations, o.average, o.minimum, o.maximum, o.share,
              coalesce(c.collections, 0) AS collections, coalesce(c.weight, 0) AS weight, c.hours
         FROM observed o FULL JOIN collected c ON c.stream = o.stream AND c.local_start = o.local_start
        ORDER BY 1, 2`,
      [
        filter.granularity,
        filter.since,
        filter.until,
        filter.arrondissement ?? null,
        filter.stationId ?? null,
        streams,
        filter.threshold,
      ],
    );
    return rows.map((row) => ({
      stream: row.stream,
      start: row.start,
      observations: row.observations,
      averageFillingLevel: row.average,
      minimumFillingLevel: row.minimum,
      maximumFillingLevel: row.maximum,
      shareAtOrAboveThreshold: row.share,
      collections: row.collections,
      collectedWeightKg: row.weight,
      meanHoursBetweenCollections: row.hours,
    }));
  }
}
