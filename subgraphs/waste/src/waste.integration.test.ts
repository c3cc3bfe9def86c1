import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sqlStatementCounter } from '#test/sql-statements';
import { ANONYMOUS, encodeIdentity, IDENTITY_HEADER } from '#platform/identity';
import { TRILIB_STATIONS } from '#datasets/waste/generate-stations';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { metresBetween, type Page } from '#test/fixtures';

const OPERATOR_KEY = 'waste-test-operator-key';
const openDataDir = inject('openDataDir');

let platform: TestPlatform;
beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'waste']);
});
afterAll(() => platform?.stop());

interface Node {
  id: string;
  category: string;
  acceptedStreams: string[];
  location: { latitude: number; longitude: number };
  arrondissement: { code: number };
  containers: { id: string; stream: string; fillingLevel: number | null }[];
}

const STATION_FIELDS =
  'id category acceptedStreams location { latitude longitude } arrondissement { code } containers { id stream fillingLevel }';

async function stations(
  filter: Record<string, unknown>,
  first = 100,
  after: string | null = null,
): Promise<Page<Node>> {
  const result = await platform.query<{ wasteStations: Page<Node> }>(
    `query ($filter: WasteStationFilter, $first: Int, $after: String) {
      wasteStations(filter: $filter, first: $first, after: $after) {
        totalCount edges { cursor node { ${STATION_FIELDS} } } pageInfo { hasNextPage endCursor }
      }
    }`,
    { filter, first, after },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.wasteStations;
}

async function allStations(filter: Record<string, unknown>): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await stations(filter, 100, after);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return nodes;
}

function errorCode(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  return result.errors?.[0]?.extensions?.code;
}

/** Counted straight from the real files, independently of the importers. */
function realCounts() {
  const json = (file: string) =>
    JSON.parse(readFileSync(path.join(openDataDir!, file), 'utf8')) as { fields: Record<string, string> }[];
  const pilotJson = json('trilib_sensors_2019-03.json');
  const csvLines = readFileSync(path.join(openDataDir!, 'trilib_sensors_2018-12-22.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const header = csvLines[0].split(';');
  const csvRows = csvLines
    .slice(1)
    .map((line) => Object.fromEntries(line.split(';').map((value, index) => [header[index], value])));
  return {
    pilotStations: new Set([
      ...pilotJson.map((r) => r.fields.localisationfo_name),
      ...csvRows.map((r) => r.localisationfo_name),
    ]).size,
    pilotContainers: new Set([
      ...pilotJson.map((r) => r.fields.serialnumber),
      ...csvRows.map((r) => r.serialNumber),
    ]).size,
    glassColumns: json('colonnes_verre_mobilierpropreteparis2011.json').length,
    triMobile: json('tri_mobile_2017.json').length,
    pilot13014: pilotJson.filter((r) => r.fields.localisationfo_name === '13014'),
  };
}

describe('waste stations', () => {
  it.skipIf(!openDataDir)(
    'holds every station of the real exports plus the 1,000 generated ones',
    async () => {
      const real = realCounts();
      const [all, glass, mobile, trilib] = await Promise.all([
        stations({}, 1),
        stations({ category: 'GLASS_COLUMN' }, 1),
        stations({ category: 'TRI_MOBILE' }, 1),
        stations({ category: 'TRILIB' }, 1),
      ]);
      expect(glass.totalCount).toBe(real.glassColumns);
      expect(mobile.totalCount).toBe(real.triMobile);
      expect(trilib.totalCount).toBe(TRILIB_STATIONS + real.pilotStations);
      expect(all.totalCount).toBe(real.glassColumns + real.triMobile + TRILIB_STATIONS + real.pilotStations);
      const pilot = (await allStations({ category: 'TRILIB' })).filter((station) =>
        station.id.startsWith('TRILIB-PILOT-'),
      );
      expect(pilot).toHaveLength(real.pilotStations);
      expect(pilot.reduce((sum, station) => sum + station.containers.length, 0)).toBe(real.pilotContainers);
    },
  );

  it.skipIf(!openDataDir)(
    'shows a pilot station with its sensors, their latest level and their history',
    async () => {
      const real = realCounts();
      const result = await platform.query<{
        wasteStation: {
          name: string;
          address: string;
          category: string;
          fillingLevel: number;
          arrondissement: { code: number; name: string };
          containers: {
            id: string;
            stream: string;
            storedWasteKind: string[];
            capacityLitres: number;
            fillingLevel: number;
            observations: Page<{ fillingLevel: number; observedAt: string }>;
          }[];
        };
      }>(
        `{ wasteStation(id: "TRILIB-PILOT-13014") {
          name address category fillingLevel arrondissement { code name }
          containers { id stream storedWasteKind capacityLitres fillingLevel
            observations(first: 5) { totalCount edges { node { fillingLevel observedAt } } } }
        } }`,
      );
      expect(result.errors).toBeUndefined();
      const station = result.data!.wasteStation;
      expect(station).toMatchObject({
        category: 'TRILIB',
        address: '62, Rue Nationale',
        arrondissement: { code: 13, name: '13ème Ardt' },
      });
      expect(station.containers.map((container) => container.id)).toContain('13014-V 001');
      for (const record of real.pilot13014) {
        const container = station.containers.find((candidate) => candidate.id === record.fields.serialnumber);
        expect(container?.fillingLevel).toBeCloseTo(Number(record.fields.fillingrate) / 100, 5);
      }
      expect(station.fillingLevel).toBe(
        Math.max(...station.containers.map((container) => container.fillingLevel)),
      );
      const glass = station.containers.find((container) => container.stream === 'GLASS')!;
      expect(glass).toMatchObject({ storedWasteKind: ['glass'], capacityLitres: 500 });
      // One reading in each snapshot (December 2018, March 2019), the most recent first.
      expect(glass.observations.totalCount).toBe(2);
      const [latest, earlier] = glass.observations.edges.map((edge) => edge.node);
      expect(new Date(latest.observedAt).getTime()).toBeGreaterThan(new Date(earlier.observedAt).getTime());
      expect(latest.fillingLevel).toBe(glass.fillingLevel);
    },
  );

  it('walks an arrondissement page by page, each station once, in id order', async () => {
    const total = (await stations({ arrondissement: 13 }, 0)).totalCount;
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await stations({ arrondissement: 13 }, 37, after);
      expect(page.totalCount).toBe(total);
      seen.push(...page.edges.map((edge) => edge.node.id));
      expect(page.edges.every((edge) => edge.node.arrondissement.code === 13)).toBe(true);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
    expect(seen.filter((id) => id.startsWith('TRILIB-13-')).length).toBeGreaterThanOrEqual(10);
  });

  it('finds the stations within 500 m with free glass capacity, and only those', async () => {
    const here = { latitude: 48.8412, longitude: 2.3006 };
    const near = { ...here, radiusMeters: 500 };
    const around = await allStations({ near });
    expect(around.length).toBeGreaterThan(5);
    for (const station of around) expect(metresBetween(here, station.location)).toBeLessThanOrEqual(500.5);
    const withGlass = await allStations({ near, hasCapacityFor: 'GLASS' });
    const expected = around
      .filter((station) =>
        station.containers.some(
          (c) => c.stream === 'GLASS' && c.fillingLevel !== null && c.fillingLevel <= 0.9,
        ),
      )
      .map((station) => station.id);
    expect(withGlass.map((station) => station.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    // Glass columns have no sensor: never "free" for sure, so fewer stations match than stand there.
    if (openDataDir) expect(expected.length).toBeLessThan(around.length);
    const nearlyEmpty = await allStations({ near, hasCapacityFor: 'GLASS', maxFillingLevel: 0.2 });
    expect(nearlyEmpty.length).toBeLessThan(withGlass.length);
    for (const station of nearlyEmpty) {
      expect(
        station.containers.some(
          (c) => c.stream === 'GLASS' && c.fillingLevel !== null && c.fillingLevel <= 0.2,
        ),
      ).toBe(true);
    }
  });

  it('filters on what a station accepts and on how full it is', async () => {
    const everything = await allStations({ arrondissement: 11 });
    const textile = await allStations({ accepts: 'TEXTILE', arrondissement: 11 });
    expect(textile.length).toBeGreaterThan(0);
    expect(textile.map((station) => station.id)).toEqual(
      everything
        .filter((station) => station.acceptedStreams.includes('TEXTILE'))
        .map((station) => station.id),
    );
    const full = await allStations({ minFillingLevel: 0.95, arrondissement: 15 });
    expect(full.length).toBeGreaterThan(0);
    for (const station of full)
      expect(station.containers.some((c) => (c.fillingLevel ?? 0) >= 0.95)).toBe(true);
    const calm = await allStations({ maxFillingLevel: 0.5, arrondissement: 15 });
    for (const station of calm) {
      const levels = station.containers
        .map((c) => c.fillingLevel)
        .filter((level): level is number => level !== null);
      expect(levels.length).toBeGreaterThan(0);
      expect(Math.max(...levels)).toBeLessThanOrEqual(0.5);
    }
  });

  it('answers bad arguments with BAD_USER_INPUT', async () => {
    const cases = [
      '{ wasteStations(filter: { arrondissement: 21 }) { totalCount } }',
      '{ wasteStations(filter: { near: { latitude: 48.85, longitude: 2.35, radiusMeters: 0 } }) { totalCount } }',
      '{ wasteStations(filter: { near: { latitude: 48.85, longitude: 2.35, radiusMeters: 60000 } }) { totalCount } }',
      '{ wasteStations(filter: { hasCapacityFor: GLASS, maxFillingLevel: 1.5 }) { totalCount } }',
      '{ wasteStations(first: 101) { totalCount } }',
      '{ wasteStations(after: "bm90LWEtY3Vyc29y") { totalCount } }',
      '{ arrondissement(code: 13) { wasteStations(filter: { minFillingLevel: -1 }) { totalCount } } }',
    ];
    for (const query of cases) {
      const result = await platform.query(query);
      expect(errorCode(result), query).toBe('BAD_USER_INPUT');
    }
    const message = (await platform.query('{ wasteStations(filter: { arrondissement: 21 }) { totalCount } }'))
      .errors?.[0].message;
    expect(message).toMatch(/1 to 20/);
  });

  it('joins the territory subgraph and resolves station references in one batch', async () => {
    const result = await platform.query<{
      wasteStations: Page<{ id: string; arrondissement: { code: number; name: string } }>;
    }>(
      '{ wasteStations(first: 3, filter: { arrondissement: 17 }) { edges { node { id arrondissement { code name } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const edges = result.data!.wasteStations.edges;
    expect(edges).toHaveLength(3);
    for (const { node } of edges) expect(node.arrondissement).toEqual({ code: 17, name: '17ème Ardt' });

    // What the gateway sends when another subgraph points at stations: `_entities`, batched into one statement.
    const waste = platform.subgraphs.find((subgraph) => subgraph.name === 'waste')!;
    const ids = edges.map((edge) => edge.node.id);
    sqlStatementCounter.reset();
    const response = await fetch(waste.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: encodeIdentity(ANONYMOUS, platform.gatewaySecret),
      },
      body: JSON.stringify({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on WasteStation { id name } } }',
        variables: { r: [...ids, 'TRILIB-99-0001'].map((id) => ({ __typename: 'WasteStation', id })) },
      }),
    });
    const body = (await response.json()) as {
      data?: { _entities: ({ id: string } | null)[] };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities.map((entity) => entity?.id ?? null)).toEqual([...ids, null]);
    expect(sqlStatementCounter.bySchema.get('waste')).toBe(1);
  });
});

describe('waste on the arrondissement', () => {
  it('adds each arrondissement its stations and a summary that add up', async () => {
    const result = await platform.query<{
      arrondissements: {
        code: number;
        wasteStations: Page<{ id: string; arrondissement: { code: number } }>;
        waste: {
          stations: number;
          activeStations: number;
          stationsByCategory: { category: string; stations: number }[];
          containers: {
            stream: string;
            containers: number;
            observedContainers: number;
            averageFillingLevel: number | null;
          }[];
          averageFillingLevel: number | null;
        };
      }[];
    }>(
      `{ arrondissements { code
          wasteStations(first: 3) { totalCount edges { node { id arrondissement { code } } } pageInfo { hasNextPage } }
          waste { stations activeStations stationsByCategory { category stations }
            containers { stream containers observedContainers averageFillingLevel } averageFillingLevel }
        } }`,
    );
    expect(result.errors).toBeUndefined();
    const arrondissements = result.data!.arrondissements;
    expect(arrondissements).toHaveLength(20);
    const total = (await stations({}, 0)).totalCount;
    expect(arrondissements.reduce((sum, a) => sum + a.waste.stations, 0)).toBe(total);
    for (const arrondissement of arrondissements) {
      expect(arrondissement.wasteStations.totalCount).toBe(arrondissement.waste.stations);
      expect(arrondissement.wasteStations.totalCount).toBeGreaterThanOrEqual(10);
      expect(arrondissement.wasteStations.edges).toHaveLength(3);
      expect(
        arrondissement.wasteStations.edges.every(
          (edge) => edge.node.arrondissement.code === arrondissement.code,
        ),
      ).toBe(true);
      expect(arrondissement.waste.stationsByCategory.reduce((sum, entry) => sum + entry.stations, 0)).toBe(
        arrondissement.waste.stations,
      );
      expect(arrondissement.waste.activeStations).toBeLessThanOrEqual(arrondissement.waste.stations);
      const glass = arrondissement.waste.containers.find((entry) => entry.stream === 'GLASS');
      expect(glass?.containers).toBeGreaterThan(0);
      expect(glass?.averageFillingLevel).toBeGreaterThan(0);
      expect(glass?.averageFillingLevel).toBeLessThanOrEqual(1);
    }
    const thirteenth = arrondissements.find((a) => a.code === 13)!;
    expect((await stations({ arrondissement: 13 }, 0)).totalCount).toBe(thirteenth.waste.stations);
  });

  it('costs the same number of SQL statements whatever the page size', async () => {
    const statements = async (query: string, first: number): Promise<number> => {
      sqlStatementCounter.reset();
      const result = await platform.query(query, { first });
      expect(result.errors).toBeUndefined();
      return sqlStatementCounter.bySchema.get('waste') ?? 0;
    };
    const list = `query ($first: Int) { wasteStations(first: $first, filter: { category: TRILIB, status: ACTIVE, minFillingLevel: 0 }) { totalCount edges { node {
        id fillingLevel dateLastEmptying arrondissement { code name }
        containers { id fillingLevel observations(first: 2) { totalCount edges { node { fillingLevel } } } station { id } }
        collections(first: 2) { totalCount edges { node { weightKg station { id } } } } } } } }`;
    // Stations with a measured level and (being active) collections: every nested page then has
    // rows at both sizes, so the counts compare the same statements. Without data a nested page
    // rightly skips its row query, which made this comparison depend on which stations came first.
    const small = await statements(list, 3);
    expect(small).toBeGreaterThan(0);
    expect(await statements(list, 30)).toBe(small);
    // Active Trilib' stations all have collections, so every statement of the nested pages runs at both sizes.
    const nested = `query ($first: Int) { arrondissements { code wasteStations(first: $first, filter: { category: TRILIB, status: ACTIVE }) {
        edges { node { id fillingLevel
        collections(first: 1) { edges { node { collectedAt } } } } } } waste { stations } } }`;
    const few = await statements(nested, 3);
    expect(await statements(nested, 30)).toBe(few);
  });
});

describe('ingestion', () => {
  const operator = { 'x-api-key': OPERATOR_KEY };
  // Four in-service Trilib' stations whose containers report fill levels.
  let ids: string[] = [];
  beforeAll(async () => {
    const page = await stations(
      { arrondissement: 5, category: 'TRILIB', status: 'ACTIVE', minFillingLevel: 0 },
      4,
    );
    ids = page.edges.map((edge) => edge.node.id);
    expect(ids).toHaveLength(4);
  });
  const report = `mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) {
      id reportId fillingLevel observedAt receivedAt container { id stream fillingLevel station { id fillingLevel } } } }`;
  const stationState = async (id: string) =>
    (
      await platform.query<{
        wasteStation: {
          fillingLevel: number | null;
          dateLastEmptying: string | null;
          containers: {
            id: string;
            stream: string;
            fillingLevel: number | null;
            dateLastFillingLevel: string | null;
            observations: Page<{ reportId: string | null }>;
          }[];
        };
      }>(
        `query ($id: ID!) { wasteStation(id: $id) { fillingLevel dateLastEmptying containers { id stream fillingLevel dateLastFillingLevel
          observations(first: 100) { totalCount edges { node { reportId } } } } } }`,
        { id },
      )
    ).data!.wasteStation;

  it('refuses fill levels from callers without the sensor or operator role', async () => {
    const before = await stationState(ids[0]);
    const result = await platform.query(report, {
      input: {
        reportId: 'anonymous-1',
        stationId: ids[0],
        stream: 'GLASS',
        fillingLevel: 0.5,
        observedAt: new Date().toISOString(),
      },
    });
    expect(['UNAUTHORIZED', 'FORBIDDEN', 'UNAUTHENTICATED']).toContain(errorCode(result));
    expect(await stationState(ids[0])).toEqual(before);
  });

  it('stores a report once, moves the container forward and answers a replay with the same observation', async () => {
    const station = await stationState(ids[1]);
    const glass = station.containers.find((container) => container.stream === 'GLASS')!;
    const input = {
      reportId: 'sensor-V-0002-001',
      stationId: ids[1],
      stream: 'GLASS',
      fillingLevel: 0.97,
      observedAt: new Date(Date.now() - 60_000).toISOString(),
    };
    const first = await platform.query<{
      reportFillLevel: {
        id: string;
        receivedAt: string;
        container: { id: string; fillingLevel: number; station: { fillingLevel: number } };
      };
    }>(report, { input }, operator);
    expect(first.errors).toBeUndefined();
    expect(first.data?.reportFillLevel.container).toMatchObject({
      id: glass.id,
      fillingLevel: 0.97,
      station: { fillingLevel: 0.97 },
    });
    const replay = await platform.query<{ reportFillLevel: { id: string; receivedAt: string } }>(
      report,
      { input },
      operator,
    );
    expect(replay.errors).toBeUndefined();
    expect(replay.data?.reportFillLevel).toMatchObject({
      id: first.data?.reportFillLevel.id,
      receivedAt: first.data?.reportFillLevel.receivedAt,
    });
    const after = await stationState(ids[1]);
    const history = after.containers.find((container) => container.id === glass.id)!.observations;
    expect(history.totalCount).toBe(glass.observations.totalCount + 1);
    expect(history.edges[0].node.reportId).toBe(input.reportId);
    const conflicting = await platform.query(report, { input: { ...input, fillingLevel: 0.1 } }, operator);
    expect(errorCode(conflicting)).toBe('CONFLICT');

    // A late report goes into the history without rewinding the current state.
    const late = {
      ...input,
      reportId: 'sensor-V-0002-000',
      fillingLevel: 0.2,
      observedAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    expect((await platform.query(report, { input: late }, operator)).errors).toBeUndefined();
    const afterLate = (await stationState(ids[1])).containers.find((container) => container.id === glass.id)!;
    expect(afterLate.fillingLevel).toBe(0.97);
    expect(afterLate.observations.totalCount).toBe(glass.observations.totalCount + 2);
  });

  it('writes a report or a collection in five statements: a live event waits on each round trip', async () => {
    const statements = async (mutation: string, input: Record<string, unknown>): Promise<number> => {
      sqlStatementCounter.reset();
      const result = await platform.query(mutation, { input }, operator);
      expect(result.errors).toBeUndefined();
      return sqlStatementCounter.bySchema.get('waste') ?? 0;
    };
    // The transaction's two, the lookup, the history and state written together, the event.
    const observedAt = new Date(Date.now() - 1000).toISOString();
    const fillLevel = {
      reportId: 'sensor-V-0001-statements',
      stationId: ids[0],
      stream: 'GLASS',
      fillingLevel: 0.42,
      observedAt,
    };
    const reportMutation = `mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id } }`;
    expect(await statements(reportMutation, fillLevel)).toBe(5);
    // A replay is answered from the lookup alone.
    expect(await statements(reportMutation, fillLevel)).toBe(3);
    const collection = {
      collectionId: 'round-statements-1',
      stationId: ids[0],
      stream: 'GLASS',
      collectedAt: observedAt,
      weightKg: 12,
    };
    const recordMutation = `mutation ($input: RecordCollectionInput!) { recordCollection(input: $input) { id } }`;
    expect(await statements(recordMutation, collection)).toBe(5);
  });

  it('validates reports before storing anything', async () => {
    const valid = {
      reportId: 'bad-1',
      stationId: ids[2],
      stream: 'GLASS',
      fillingLevel: 0.5,
      observedAt: new Date().toISOString(),
    };
    const before = await stationState(ids[2]);
    const invalid = [
      { ...valid, fillingLevel: 1.2 },
      { ...valid, fillingLevel: -0.1 },
      { ...valid, observedAt: new Date(Date.now() + 3_600_000).toISOString() },
      { ...valid, stationId: 'TRILIB-99-9999' },
      { ...valid, stream: 'ELECTRONICS' },
      { ...valid, reportId: ' ' },
    ];
    for (const input of invalid) {
      const result = await platform.query(report, { input }, operator);
      expect(errorCode(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    expect(await stationState(ids[2])).toEqual(before);
  });

  it.skipIf(!openDataDir)('asks which container when a station has several of the stream', async () => {
    const input = {
      reportId: 'pilot-pm-1',
      stationId: 'TRILIB-PILOT-13014',
      stream: 'PACKAGING_PAPER',
      fillingLevel: 0.4,
      observedAt: new Date().toISOString(),
    };
    const ambiguous = await platform.query(report, { input }, operator);
    expect(errorCode(ambiguous)).toBe('BAD_USER_INPUT');
    expect(ambiguous.errors?.[0].message).toMatch(/13014-PM 001/);
    const chosen = await platform.query<{
      reportFillLevel: { container: { id: string; fillingLevel: number } };
    }>(report, { input: { ...input, containerId: '13014-PM 002' } }, operator);
    expect(chosen.errors).toBeUndefined();
    expect(chosen.data?.reportFillLevel.container).toMatchObject({
      id: '13014-PM 002',
      stream: 'PACKAGING_PAPER',
      fillingLevel: 0.4,
    });
  });

  it('records a collection once and empties the stream’s containers', async () => {
    const record = `mutation ($input: RecordCollectionInput!) { recordCollection(input: $input) { id stream collectedAt weightKg station { id } } }`;
    const collectedAt = new Date(Date.now() - 1000).toISOString();
    const input = {
      collectionId: 'round-2025-0001',
      stationId: ids[3],
      stream: 'PACKAGING_PAPER',
      collectedAt,
      weightKg: 21.5,
    };
    const first = await platform.query<{ recordCollection: { id: string } }>(record, { input }, operator);
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordCollection).toMatchObject({
      id: input.collectionId,
      weightKg: 21.5,
      station: { id: ids[3] },
    });
    expect((await platform.query(record, { input }, operator)).errors).toBeUndefined();
    expect(errorCode(await platform.query(record, { input: { ...input, weightKg: 30 } }, operator))).toBe(
      'CONFLICT',
    );
    expect(
      errorCode(
        await platform.query(record, { input: { ...input, collectionId: 'x', weightKg: -1 } }, operator),
      ),
    ).toBe('BAD_USER_INPUT');
    const anonymous = await platform.query(record, { input: { ...input, collectionId: 'round-anonymous' } });
    expect(errorCode(anonymous)).not.toBeUndefined();

    const station = await platform.query<{
      wasteStation: {
        dateLastEmptying: string;
        containers: { fillingLevel: number }[];
        collections: Page<{ id: string }>;
      };
    }>(
      `query ($id: ID!) { wasteStation(id: $id) { dateLastEmptying containers(stream: PACKAGING_PAPER) { fillingLevel }
          collections(first: 5) { totalCount edges { node { id } } } } }`,
      { id: ids[3] },
    );
    const state = station.data!.wasteStation;
    expect(new Date(state.dateLastEmptying).toISOString()).toBe(collectedAt);
    expect(state.containers.every((container) => container.fillingLevel === 0)).toBe(true);
    expect(state.collections.edges[0].node.id).toBe(input.collectionId);
    expect(state.collections.edges.filter((edge) => edge.node.id === input.collectionId)).toHaveLength(1);
  });
});
