import { print } from 'graphql';
import { parquetReadObjects } from 'hyparquet';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BudgetTotalsDocument,
  TrainingOutcomesDocument,
  WasteStreamStatisticsDocument,
  type BudgetTotalsQuery,
  type TrainingOutcomesQuery,
  type WasteStreamStatisticsQuery,
} from '#schema/__generated__/operations';
import { startTestPlatform, type GraphQLResponse, type TestPlatform } from '#test/platform';

// Statistics beyond energy: every figure the graph aggregates in SQL is recomputed here in
// JavaScript from the raw rows, and every export must repeat the graph's answer.
let platform: TestPlatform;
let database: Client;
let base: string;

beforeAll(async () => {
  platform = await startTestPlatform(['territory', 'waste', 'budget', 'training']);
  base = platform.gateway.url.replace(/\/graphql$/, '');
  database = new Client({ connectionString: platform.databaseUrl });
  await database.connect();
});
afterAll(async () => {
  await database?.end();
  await platform?.stop();
});

type Granularity = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The Paris calendar bucket of an instant, from the Intl time-zone data rather than PostgreSQL's. */
function bucketOf(instant: Date, granularity: Granularity): string {
  const part = (type: string) => parisParts.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  const [year, month, day, hour] = ['year', 'month', 'day', 'hour'].map(part);
  if (granularity === 'HOUR') return `${year}-${month}-${day}T${hour}`;
  if (granularity === 'DAY') return `${year}-${month}-${day}`;
  if (granularity === 'MONTH') return `${year}-${month}`;
  const monday = new Date(
    Date.UTC(Number(year), Number(month) - 1, Number(day) - WEEKDAYS.indexOf(part('weekday'))),
  );
  return monday.toISOString().slice(0, 10);
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The expected answer and the graph's, taken while the raw rows did not move (other test files
 * may cast votes or report fill levels meanwhile): the raw rows are read before and after.
 */
async function whileStable<E, A>(
  expected: () => Promise<E>,
  actual: () => Promise<A>,
): Promise<{ expected: E; actual: A }> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const before = await expected();
    const answer = await actual();
    if (JSON.stringify(await expected()) === JSON.stringify(before))
      return { expected: before, actual: answer };
  }
  throw new Error('The raw rows kept changing');
}

async function ndjson(path: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function expectBadInput(result: GraphQLResponse, argument: string): void {
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toContain(argument);
}

describe('wasteStreamStatistics', () => {
  interface WasteFilter {
    since: string;
    until: string;
    granularity: Granularity;
    arrondissement?: number;
    stationId?: string;
    streams?: string[];
  }
  interface WasteBucket {
    stream: string;
    start: string;
    observations: number;
    averageFillingLevel: number | null;
    minimumFillingLevel: number | null;
    maximumFillingLevel: number | null;
    shareAtOrAboveThreshold: number | null;
    collections: number;
    collectedWeightKg: number;
    meanHoursBetweenCollections: number | null;
  }
  const FIELDS =
    'stream start observations averageFillingLevel minimumFillingLevel maximumFillingLevel shareAtOrAboveThreshold collections collectedWeightKg meanHoursBetweenCollections';
  const QUERY = `query ($filter: WasteStreamStatisticsFilter!) { wasteStreamStatistics(filter: $filter) { ${FIELDS} } }`;
  /** The alert level `wasteStationAlert` fires at by default. */
  const THRESHOLD = 0.9;

  interface Expected {
    levels: number[];
    collections: number;
    weight: number;
    gapsHours: number[];
  }

  /** Straight from the raw rows: filter, bucket and sum in JavaScript. */
  async function expectedFor(filter: WasteFilter): Promise<Map<string, Expected>> {
    const since = new Date(filter.since).getTime();
    const until = new Date(filter.until).getTime();
    const inScope = (row: { arrondissement: number; station_id: string; stream: string }) =>
      (filter.arrondissement === undefined || row.arrondissement === filter.arrondissement) &&
      (filter.stationId === undefined || row.station_id === filter.stationId) &&
      (filter.streams === undefined || filter.streams.includes(row.stream));
    const buckets = new Map<string, Expected>();
    const bucket = (stream: string, at: Date) => {
      const key = `${stream} ${bucketOf(at, filter.granularity)}`;
      const found = buckets.get(key) ?? { levels: [], collections: 0, weight: 0, gapsHours: [] };
      buckets.set(key, found);
      return found;
    };
    const observations = await database.query<{
      stream: string;
      station_id: string;
      arrondissement: number;
      filling_level: number;
      observed_at: Date;
    }>(
      `SELECT c.stream, c.station_id, s.arrondissement_code AS arrondissement, o.filling_level, o.observed_at
         FROM waste.filling_level_observation o JOIN waste.waste_container c ON c.id = o.container_id
         JOIN waste.waste_station s ON s.id = c.station_id`,
    );
    for (const row of observations.rows) {
      const time = row.observed_at.getTime();
      if (time >= since && time < until && inScope(row))
        bucket(row.stream, row.observed_at).levels.push(row.filling_level);
    }
    const collections = await database.query<{
      id: string;
      stream: string;
      station_id: string;
      arrondissement: number;
      collected_at: Date;
      weight_kg: number;
    }>(
      `SELECT w.id, w.stream, w.station_id, s.arrondissement_code AS arrondissement, w.collected_at, w.weight_kg
         FROM waste.waste_collection w JOIN waste.waste_station s ON s.id = w.station_id`,
    );
    const previous = new Map<string, Date>();
    const ordered = [...collections.rows].sort(
      (a, b) =>
        a.collected_at.getTime() - b.collected_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    for (const row of ordered) {
      const series = `${row.station_id} ${row.stream}`;
      const before = previous.get(series);
      previous.set(series, row.collected_at);
      const time = row.collected_at.getTime();
      if (!(time >= since && time < until && inScope(row))) continue;
      const found = bucket(row.stream, row.collected_at);
      found.collections += 1;
      found.weight += row.weight_kg;
      if (before) found.gapsHours.push((time - before.getTime()) / 3_600_000);
    }
    return buckets;
  }

  function compare(buckets: WasteBucket[], expected: Map<string, Expected>, granularity: Granularity): void {
    const keys = buckets.map((row) => `${row.stream} ${bucketOf(new Date(row.start), granularity)}`);
    expect(keys).toEqual([...expected.keys()].sort());
    for (const [index, row] of buckets.entries()) {
      const reference = expected.get(keys[index]) as Expected;
      expect(row.observations).toBe(reference.levels.length);
      expect(row.collections).toBe(reference.collections);
      expect(row.collectedWeightKg).toBeCloseTo(reference.weight, 6);
      if (reference.levels.length === 0) {
        expect(row.averageFillingLevel).toBeNull();
        expect(row.shareAtOrAboveThreshold).toBeNull();
      } else {
        expect(row.averageFillingLevel).toBeCloseTo(mean(reference.levels), 9);
        expect(row.minimumFillingLevel).toBe(Math.min(...reference.levels));
        expect(row.maximumFillingLevel).toBe(Math.max(...reference.levels));
        expect(row.shareAtOrAboveThreshold).toBeCloseTo(
          reference.levels.filter((level) => level >= THRESHOLD).length / reference.levels.length,
          12,
        );
      }
      if (reference.gapsHours.length === 0) expect(row.meanHoursBetweenCollections).toBeNull();
      else expect(row.meanHoursBetweenCollections).toBeCloseTo(mean(reference.gapsHours), 6);
      // A bucket starts at a Paris calendar boundary.
      expect(bucketOf(new Date(new Date(row.start).getTime() - 1), granularity)).not.toBe(
        bucketOf(new Date(row.start), granularity),
      );
    }
  }

  async function check(filter: WasteFilter): Promise<WasteBucket[]> {
    const { expected, actual } = await whileStable(
      () => expectedFor(filter),
      () => platform.query<{ wasteStreamStatistics: WasteBucket[] }>(QUERY, { filter }),
    );
    expect(actual.errors).toBeUndefined();
    const buckets = actual.data?.wasteStreamStatistics ?? [];
    compare(buckets, expected, filter.granularity);
    return buckets;
  }

  // The generated week of reports and collections (live tests add theirs at today's date).
  const GENERATED = { since: '2024-12-20T00:00:00Z', until: '2025-01-01T00:00:00Z' };

  it('equals the figures recomputed from the raw rows, city-wide by day', async () => {
    const buckets = await check({ ...GENERATED, granularity: 'DAY' });
    expect(buckets.some((row) => row.collections > 0 && row.meanHoursBetweenCollections !== null)).toBe(true);
    expect(buckets.some((row) => row.observations > 0 && (row.shareAtOrAboveThreshold ?? 0) > 0)).toBe(true);
  });

  it('equals them for an arrondissement by hour, and streams of another by week', async () => {
    expect(
      (
        await check({
          since: '2024-12-28T00:00:00Z',
          until: '2024-12-29T00:00:00Z',
          granularity: 'HOUR',
          arrondissement: 17,
        })
      ).length,
    ).toBeGreaterThan(0);
    const streams = await check({
      ...GENERATED,
      granularity: 'WEEK',
      arrondissement: 11,
      streams: ['GLASS', 'FOOD_WASTE'],
    });
    expect(new Set(streams.map((row) => row.stream))).toEqual(new Set(['GLASS', 'FOOD_WASTE']));
  });

  it('equals them for one station by month, and by Paris day across daylight-saving changes', async () => {
    const busiest = await database.query<{ station_id: string }>(
      `SELECT station_id FROM waste.waste_collection GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    await check({
      since: '2018-01-01T00:00:00Z',
      until: '2025-01-01T00:00:00Z',
      granularity: 'MONTH',
      stationId: busiest.rows[0].station_id,
    });
    // The Trilib' pilot's real reports span October 2018 and March 2019, when Paris changed its clocks.
    await check({ since: '2018-09-01T00:00:00Z', until: '2019-04-01T00:00:00Z', granularity: 'DAY' });
  });

  it('exports the same rows as the graph for the same filter', async () => {
    const filter: WasteFilter = {
      ...GENERATED,
      granularity: 'DAY',
      arrondissement: 11,
      streams: ['GLASS', 'FOOD_WASTE'],
    };
    const graph = await platform.query<{ wasteStreamStatistics: WasteBucket[] }>(QUERY, { filter });
    expect(graph.errors).toBeUndefined();
    const path = `/datasets/waste-stream-statistics.%s?since=${filter.since}&until=${filter.until}&granularity=DAY&arrondissement=11&streams=GLASS,FOOD_WASTE`;
    const rows = await ndjson(path.replace('%s', 'ndjson'));
    expect(rows).toEqual(
      (graph.data?.wasteStreamStatistics ?? []).map((row) => ({
        stream: row.stream,
        start: new Date(row.start).toISOString(),
        granularity: 'DAY',
        observations: row.observations,
        average_filling_level: row.averageFillingLevel,
        minimum_filling_level: row.minimumFillingLevel,
        maximum_filling_level: row.maximumFillingLevel,
        share_at_or_above_threshold: row.shareAtOrAboveThreshold,
        threshold: THRESHOLD,
        collections: row.collections,
        collected_weight_kg: row.collectedWeightKg,
        mean_hours_between_collections: row.meanHoursBetweenCollections,
      })),
    );
    expect(rows.length).toBeGreaterThan(0);
    // Parquet keeps the bucket starts as UTC timestamps and the figures as numbers.
    const parquet = await (await fetch(`${base}${path.replace('%s', 'parquet')}`)).arrayBuffer();
    expect(await parquetReadObjects({ file: parquet })).toEqual(
      rows.map((row) => ({ ...row, start: new Date(row.start as string) })),
    );
  });

  it('refuses a reversed range, too many buckets, and unknown places or streams, naming the argument', async () => {
    const window = { since: '2024-12-01T00:00:00Z', until: '2025-01-01T00:00:00Z', granularity: 'DAY' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...window, since: '2025-02-01T00:00:00Z' }, 'filter.since'],
      [{ ...window, since: '2000-01-01T00:00:00Z', granularity: 'HOUR' }, 'filter.granularity'],
      [{ ...window, arrondissement: 21 }, 'filter.arrondissement'],
      [{ ...window, stationId: 'no-such-station' }, 'filter.stationId'],
      [{ ...window, threshold: 1.5 }, 'filter.threshold'],
      [{ ...window, streams: ['PLASTIC'] }, 'streams'],
    ];
    for (const [filter, argument] of cases) expectBadInput(await platform.query(QUERY, { filter }), argument);
  });

  it('answers an invalid export parameter with 400 naming it', async () => {
    for (const [query, parameter] of [
      ['streams=GLASS,PLASTIC', 'streams'],
      ['granularity=YEAR', 'granularity'],
      ['since=yesterday', 'since'],
      ['arrondissement=21', 'arrondissement'],
      // Each valid alone, refused together by the service itself: still a 400 before any byte.
      ['since=2025-01-01T00:00:00Z&until=2024-01-01T00:00:00Z', 'since'],
      ['stationId=no-such-station', 'stationId'],
      ['granularity=HOUR', 'granularity'],
    ]) {
      const response = await fetch(`${base}/datasets/waste-stream-statistics.csv?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ parameter, code: 'BAD_USER_INPUT' });
    }
  });
});

describe('budgetTotals', () => {
  type Dimension = 'EDITION' | 'THEME' | 'ARRONDISSEMENT';
  interface Totals {
    edition: number | null;
    theme: string | null;
    area: string | null;
    arrondissement: { code: number } | null;
    projectCount: number;
    budgetEuros: number;
    completedCount: number;
    votes: number;
  }
  interface Filter {
    edition?: number;
    theme?: string;
    arrondissement?: number;
    scale?: string;
  }
  const QUERY = `query ($groupBy: [BudgetTotalsDimension!]!, $filter: BudgetTotalsFilter) {
    budgetTotals(groupBy: $groupBy, filter: $filter) {
      edition theme area arrondissement { code } projectCount budgetEuros completedCount votes
    }
  }`;

  /** The counting rule, restated: Paris-wide, else Paris Centre when several arrondissements, else the one. */
  function areaOf(project: { scale: string; arrondissement_codes: number[] }): [string, number | null] {
    if (project.scale === 'PARIS_WIDE') return ['PARIS_WIDE', null];
    if (project.arrondissement_codes.length > 1) return ['PARIS_CENTRE', null];
    return ['ARRONDISSEMENT', project.arrondissement_codes[0]];
  }

  async function expectedFor(groupBy: Dimension[], filter: Filter): Promise<Record<string, Totals>> {
    const projects = await database.query<{
      id: number;
      edition: number;
      theme: string;
      scale: string;
      arrondissement_codes: number[];
      budget_euros: number;
      progress: string;
    }>(
      'SELECT id, edition, theme, scale, arrondissement_codes, budget_euros, progress FROM budget.budget_project',
    );
    const choices = await database.query<{ project_id: number }>(
      'SELECT project_id FROM budget.budget_vote_choice',
    );
    const votes = new Map<number, number>();
    for (const { project_id: id } of choices.rows) votes.set(id, (votes.get(id) ?? 0) + 1);
    const groups: Record<string, Totals> = {};
    for (const project of projects.rows) {
      if (filter.edition !== undefined && project.edition !== filter.edition) continue;
      if (filter.theme !== undefined && project.theme !== filter.theme) continue;
      if (filter.scale !== undefined && project.scale !== filter.scale) continue;
      if (
        filter.arrondissement !== undefined &&
        !project.arrondissement_codes.includes(filter.arrondissement)
      )
        continue;
      const [area, code] = areaOf(project);
      const group: Totals = {
        edition: groupBy.includes('EDITION') ? project.edition : null,
        theme: groupBy.includes('THEME') ? project.theme : null,
        area: groupBy.includes('ARRONDISSEMENT') ? area : null,
        arrondissement: groupBy.includes('ARRONDISSEMENT') && code !== null ? { code } : null,
        projectCount: 0,
        budgetEuros: 0,
        completedCount: 0,
        votes: 0,
      };
      const key = JSON.stringify([group.edition, group.theme, group.area, group.arrondissement]);
      const totals = (groups[key] ??= group);
      totals.projectCount += 1;
      totals.budgetEuros += project.budget_euros;
      totals.completedCount += project.progress === 'COMPLETED' ? 1 : 0;
      totals.votes += votes.get(project.id) ?? 0;
    }
    return groups;
  }

  async function check(groupBy: Dimension[], filter: Filter): Promise<Totals[]> {
    const { expected, actual } = await whileStable(
      () => expectedFor(groupBy, filter),
      () => platform.query<{ budgetTotals: Totals[] }>(QUERY, { groupBy, filter }),
    );
    expect(actual.errors).toBeUndefined();
    const rows = actual.data?.budgetTotals ?? [];
    const byKey = Object.fromEntries(
      rows.map((row) => [JSON.stringify([row.edition, row.theme, row.area, row.arrondissement]), row]),
    );
    expect(byKey).toEqual(expected);
    expect(Object.keys(byKey)).toHaveLength(rows.length);
    return rows;
  }

  it('equals the totals recomputed from the raw projects and ballots, for every grouping', async () => {
    await check(['EDITION', 'THEME', 'ARRONDISSEMENT'], {});
    await check(['EDITION'], { theme: 'Environnement', scale: 'ARRONDISSEMENT' });
    await check(['THEME', 'ARRONDISSEMENT'], { edition: 2019, arrondissement: 17 });
  });

  it('counts a Paris Centre or Paris-wide project once, in a group of its own, never in each arrondissement', async () => {
    const [total] = await check([], {});
    const areas = await check(['ARRONDISSEMENT'], {});
    expect(areas.reduce((sum, row) => sum + row.projectCount, 0)).toBe(total.projectCount);
    expect(areas.reduce((sum, row) => sum + row.budgetEuros, 0)).toBeCloseTo(total.budgetEuros, 2);
    const area = (name: string) => areas.filter((row) => row.area === name);
    expect(area('PARIS_CENTRE')).toHaveLength(1);
    expect(area('PARIS_WIDE')).toHaveLength(1);
    expect(area('PARIS_CENTRE')[0].arrondissement).toBeNull();
    expect(area('ARRONDISSEMENT').map((row) => row.arrondissement?.code)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    // The 4th's filter keeps what budgetProjects lists for it: its own, Paris Centre's and Paris-wide projects, apart.
    const fourth = await check(['ARRONDISSEMENT'], { arrondissement: 4 });
    expect(fourth.map((row) => row.area)).toEqual(['ARRONDISSEMENT', 'PARIS_CENTRE', 'PARIS_WIDE']);
    const listed = await platform.query<{ budgetProjects: { totalCount: number } }>(
      '{ budgetProjects(filter: { arrondissement: 4 }) { totalCount } }',
    );
    expect(fourth.reduce((sum, row) => sum + row.projectCount, 0)).toBe(
      listed.data?.budgetProjects.totalCount,
    );
  });

  it('exports the same rows as the graph for the same filter, in every format', async () => {
    const graph = await platform.query<{ budgetTotals: Totals[] }>(QUERY, {
      groupBy: ['EDITION', 'ARRONDISSEMENT'],
      filter: { arrondissement: 2 },
    });
    expect(graph.errors).toBeUndefined();
    const expected = (graph.data?.budgetTotals ?? []).map((row) => ({
      edition: row.edition,
      theme: row.theme,
      area: row.area,
      arrondissement: row.arrondissement?.code ?? null,
      project_count: row.projectCount,
      budget_euros: row.budgetEuros,
      completed_count: row.completedCount,
      votes: row.votes,
    }));
    expect(expected.length).toBeGreaterThan(0);
    const path = '/datasets/budget-totals.%s?groupBy=EDITION,ARRONDISSEMENT&arrondissement=2';
    expect(await ndjson(path.replace('%s', 'ndjson'))).toEqual(expected);
    const parquet = await (await fetch(`${base}${path.replace('%s', 'parquet')}`)).arrayBuffer();
    expect(await parquetReadObjects({ file: parquet })).toEqual(expected);
  });

  it('refuses unknown arrondissements, editions and themes, naming the argument', async () => {
    const cases: [Filter, string][] = [
      [{ arrondissement: 21 }, 'filter.arrondissement'],
      [{ edition: 2020 }, 'filter.edition'],
      [{ theme: 'Astronautique' }, 'filter.theme'],
    ];
    for (const [filter, argument] of cases)
      expectBadInput(await platform.query(QUERY, { groupBy: ['EDITION'], filter }), argument);
    const response = await fetch(`${base}/datasets/budget-totals.csv?groupBy=EDITION,COLOUR`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ parameter: 'groupBy' });
  });
});

describe('trainingOutcomes', () => {
  interface Outcomes {
    year: number;
    courses: number;
    cohorts: number;
    places: number;
    trainees: number;
    completed: number;
    certified: number;
    employedWithin6Months: number;
    furtherStudies: number;
    completionRate: number | null;
    successRate: number | null;
    employmentRate: number | null;
  }
  const FIELDS =
    'year courses cohorts places trainees completed certified employedWithin6Months furtherStudies completionRate successRate employmentRate';
  const QUERY = `query ($year: Int, $filter: TrainingCourseFilter) { trainingOutcomes(year: $year, filter: $filter) { ${FIELDS} } }`;

  async function expectedFor(
    year: number | undefined,
    arrondissement: number | undefined,
  ): Promise<Outcomes[]> {
    const cohorts = await database.query<{
      course_id: string;
      arrondissement_code: number;
      year: number;
      places: number;
      enrolled: number;
      completed: number;
      certified: number;
      employed_within_6_months: number;
      further_studies: number;
    }>(
      `SELECT co.course_id, c.arrondissement_code, co.year, co.places, co.enrolled, co.completed, co.certified,
              co.employed_within_6_months, co.further_studies
         FROM training.cohort co JOIN training.course c ON c.id = co.course_id`,
    );
    const years = new Map<number, Outcomes & { courseIds: Set<string> }>();
    for (const row of cohorts.rows) {
      if (year !== undefined && row.year !== year) continue;
      if (arrondissement !== undefined && row.arrondissement_code !== arrondissement) continue;
      const totals = years.get(row.year) ?? {
        year: row.year,
        courseIds: new Set<string>(),
        courses: 0,
        cohorts: 0,
        places: 0,
        trainees: 0,
        completed: 0,
        certified: 0,
        employedWithin6Months: 0,
        furtherStudies: 0,
        completionRate: null,
        successRate: null,
        employmentRate: null,
      };
      years.set(row.year, totals);
      totals.courseIds.add(row.course_id);
      totals.cohorts += 1;
      totals.places += row.places;
      totals.trainees += row.enrolled;
      totals.completed += row.completed;
      totals.certified += row.certified;
      totals.employedWithin6Months += row.employed_within_6_months;
      totals.furtherStudies += row.further_studies;
    }
    return [...years.values()]
      .sort((a, b) => a.year - b.year)
      .map(({ courseIds, ...totals }) => ({
        ...totals,
        courses: courseIds.size,
        completionRate: totals.trainees > 0 ? totals.completed / totals.trainees : null,
        successRate:
          totals.completed > 0
            ? (totals.employedWithin6Months + totals.furtherStudies) / totals.completed
            : null,
        employmentRate: totals.completed > 0 ? totals.employedWithin6Months / totals.completed : null,
      }));
  }

  it('equals the outcomes recomputed from the raw cohorts, and exports the same rows', async () => {
    for (const [year, arrondissement] of [
      [undefined, undefined],
      [2018, undefined],
      [undefined, 11],
    ] as const) {
      const result = await platform.query<{ trainingOutcomes: Outcomes[] }>(QUERY, {
        year: year ?? null,
        filter: arrondissement === undefined ? null : { arrondissement },
      });
      expect(result.errors).toBeUndefined();
      const expected = await expectedFor(year, arrondissement);
      expect(expected.length).toBeGreaterThan(0);
      expect(result.data?.trainingOutcomes).toEqual(expected);
    }
    const graph = await platform.query<{ trainingOutcomes: Outcomes[] }>(QUERY, {
      filter: { arrondissement: 11 },
    });
    const rows = await ndjson('/datasets/training-outcomes.ndjson?arrondissement=11');
    expect(rows).toEqual(
      (graph.data?.trainingOutcomes ?? []).map((row) => ({
        year: row.year,
        courses: row.courses,
        cohorts: row.cohorts,
        places: row.places,
        trainees: row.trainees,
        completed: row.completed,
        certified: row.certified,
        employed_within_6_months: row.employedWithin6Months,
        further_studies: row.furtherStudies,
        completion_rate: row.completionRate,
        success_rate: row.successRate,
        employment_rate: row.employmentRate,
      })),
    );
    // `search` selects courses in the export as in the filter (it is the dataset's own parameter).
    const searched = await platform.query<{ trainingOutcomes: Outcomes[] }>(QUERY, {
      filter: { search: 'developpeur' },
    });
    expect(searched.errors).toBeUndefined();
    const searchedRows = await ndjson('/datasets/training-outcomes.ndjson?search=developpeur');
    expect(searchedRows.length).toBeGreaterThan(0);
    expect(searchedRows.map((row) => [row.year, row.courses])).toEqual(
      (searched.data?.trainingOutcomes ?? []).map((row) => [row.year, row.courses]),
    );
  });

  it('refuses an implausible year or arrondissement, naming the argument', async () => {
    expectBadInput(await platform.query(QUERY, { year: 1999 }), 'year');
    expectBadInput(await platform.query(QUERY, { filter: { arrondissement: 21 } }), 'filter.arrondissement');
    const response = await fetch(`${base}/datasets/training-outcomes.csv?skillDomain=ASTROLOGY`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ parameter: 'skillDomain' });
  });
});

// The catalog reads every subgraph's ledger: run with all subgraphs seeded (no OCG_TEST_SUBGRAPHS).
describe('the catalog', () => {
  const IDS = ['waste-stream-statistics', 'budget-totals', 'training-outcomes'];

  it('lists the statistics with licence, themes, keywords and their distributions', async () => {
    const result = await platform.query<{
      datasets: {
        id: string;
        title: string;
        description: string;
        keywords: string[];
        themes: string[];
        license: { url: string };
        distributions: { format: string; url: string }[];
      }[];
    }>('{ datasets { id title description keywords themes license { url } distributions { format url } } }');
    expect(result.errors).toBeUndefined();
    for (const id of IDS) {
      const dataset = result.data?.datasets.find((candidate) => candidate.id === id);
      expect(dataset, id).toBeDefined();
      expect(dataset?.license.url).toMatch(/^https?:\/\//);
      expect(dataset?.keywords.length).toBeGreaterThan(0);
      expect(dataset?.themes.length).toBeGreaterThan(0);
      // Aggregates have no single place, so no GeoJSON.
      expect(dataset?.distributions.map((distribution) => distribution.format)).toEqual([
        'csv',
        'ndjson',
        'parquet',
        'xlsx',
      ]);
      expect(dataset?.distributions[0].url).toMatch(new RegExp(`/datasets/${id}\\.csv$`));
    }
    const response = await fetch(`${base}/catalog.jsonld`);
    const body = await response.text();
    expect(response.status, body).toBe(200);
    const published = JSON.stringify((JSON.parse(body) as { 'dcat:dataset': unknown[] })['dcat:dataset']);
    for (const id of IDS) expect(published).toContain(`/datasets/${id}.csv`);
  });

  it('counts the rows of stored datasets and gives no single count for computed statistics', async () => {
    const result = await platform.query<{ datasets: { id: string; rowCount: number | null }[] }>(
      '{ datasets { id rowCount } }',
    );
    expect(result.errors).toBeUndefined();
    const counts = new Map(result.data?.datasets.map((dataset) => [dataset.id, dataset.rowCount]));
    for (const id of [...IDS, 'accompaniment-stats']) expect(counts.get(id), id).toBeNull();
    for (const id of ['arrondissements', 'waste-stations', 'meter-readings', 'budget-projects']) {
      expect(counts.get(id), id).toBeGreaterThan(0);
    }
    expect(counts.get('arrondissements')).toBe(20);
  });

  it('downloads each one whole, without a filter', async () => {
    for (const id of IDS) expect((await ndjson(`/datasets/${id}.ndjson`)).length, id).toBeGreaterThan(0);
  });
});

describe('the example operations (schema/operations/)', () => {
  it('run as a typed client sends them', async () => {
    const waste = await platform.query<WasteStreamStatisticsQuery>(print(WasteStreamStatisticsDocument), {
      since: '2024-12-20T00:00:00Z',
      until: '2025-01-01T00:00:00Z',
      granularity: 'DAY',
      arrondissement: 17,
      streams: ['GLASS'],
    });
    expect(waste.errors).toBeUndefined();
    expect(waste.data?.wasteStreamStatistics.every((row) => row.stream === 'GLASS')).toBe(true);
    const budget = await platform.query<BudgetTotalsQuery>(print(BudgetTotalsDocument), {
      groupBy: ['EDITION', 'ARRONDISSEMENT'],
      edition: 2019,
      arrondissement: 17,
    });
    expect(budget.errors).toBeUndefined();
    expect(budget.data?.budgetTotals.some((row) => row.arrondissement?.code === 17)).toBe(true);
    const training = await platform.query<TrainingOutcomesQuery>(print(TrainingOutcomesDocument), {
      year: 2018,
      arrondissement: null,
    });
    expect(training.errors).toBeUndefined();
    expect(training.data?.trainingOutcomes.map((row) => row.year)).toEqual([2018]);
  });
});
