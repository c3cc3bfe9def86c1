import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sqlStatementCounter } from '#test/sql-statements';
import { startTestPlatform, type GraphQLResponse, type TestPlatform } from '#test/platform';
import { insidePolygon, metresBetween, metresToBoundary, type Polygon } from './geometry';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

interface Located {
  id: string;
  location: { latitude: number; longitude: number };
  distanceMeters: number | null;
}

interface Page<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors?.map((error) => error.message)).toBeUndefined();
  return response.data as T;
}

/** Every node of a list, page after page (`list` is the root field, `page` its arguments). */
async function readAll<T>(list: string, argumentsText: string, selection: string, first = 37): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 200; guard += 1) {
    const data: Record<string, Page<T>> = ok(
      await platform.query<Record<string, Page<T>>>(
        `query ($after: String) { ${list}(first: ${first}, after: $after, ${argumentsText}) {
          totalCount edges { cursor node { ${selection} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      ),
    );
    nodes.push(...data[list].edges.map((edge) => edge.node));
    if (!data[list].pageInfo.hasNextPage) return nodes;
    after = data[list].pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

describe('orderBy: exact keyset pages under ties', () => {
  it('walks buildings by energy class (many ties) then floor area descending, each exactly once', async () => {
    interface Row {
      id: string;
      energyClass: string;
      floorAreaM2: number;
    }
    const ordered = await readAll<Row>(
      'buildings',
      'filter: { arrondissement: 17 }, orderBy: [{ field: ENERGY_CLASS }, { field: FLOOR_AREA, direction: DESC }]',
      'id energyClass floorAreaM2',
    );
    const expected = [...ordered].sort(
      (a, b) =>
        compare(a.energyClass, b.energyClass) || compare(b.floorAreaM2, a.floorAreaM2) || compare(a.id, b.id),
    );
    expect(ordered.length).toBeGreaterThan(100);
    expect(new Set(ordered.map((row) => row.id)).size).toBe(ordered.length);
    expect(ordered.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  it('breaks ties by id: stations by category descending, 7 at a time', async () => {
    interface Row {
      id: string;
      category: string;
    }
    const ordered = await readAll<Row>(
      'wasteStations',
      'filter: { arrondissement: 13 }, orderBy: [{ field: CATEGORY, direction: DESC }]',
      'id category',
      7,
    );
    const all = await readAll<Row>('wasteStations', 'filter: { arrondissement: 13 }', 'id category', 100);
    const expected = [...all].sort((a, b) => compare(b.category, a.category) || compare(a.id, b.id));
    expect(ordered.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  it('refuses a cursor of another order and orders that cannot apply', async () => {
    const first = ok(
      await platform.query<{ buildings: Page<{ id: string }> }>(
        '{ buildings(first: 2, orderBy: [{ field: NAME }]) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
      ),
    );
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'query ($after: String) { buildings(first: 2, after: $after, orderBy: [{ field: NAME }, { field: FLOOR_AREA }]) { totalCount } }',
        { after: first.buildings.pageInfo.endCursor },
        'after',
      ],
      ['{ wasteStations(orderBy: [{ field: DISTANCE }]) { totalCount } }', {}, 'orderBy'],
      ['{ budgetProjects(orderBy: [{ field: RELEVANCE }]) { totalCount } }', {}, 'orderBy'],
      ['{ startups(orderBy: [{ field: NAME }, { field: NAME }]) { totalCount } }', {}, 'orderBy'],
    ];
    for (const [query, variables, argument] of cases) {
      const result = await platform.query(query, variables);
      expect(result.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message, query).toContain(argument);
    }
  });
});

describe('near: distanceMeters and orderBy DISTANCE', () => {
  const centre = { latitude: 48.8893, longitude: 2.316 };

  it('gives each station its great-circle distance, nearest first, null without near', async () => {
    const near = `near: { latitude: ${centre.latitude}, longitude: ${centre.longitude}, radiusMeters: 1500 }`;
    const ordered = await readAll<Located>(
      'wasteStations',
      `filter: { ${near} }, orderBy: [{ field: DISTANCE }]`,
      'id location { latitude longitude } distanceMeters',
      9,
    );
    expect(ordered.length).toBeGreaterThan(10);
    for (const station of ordered) {
      expect(station.distanceMeters).not.toBeNull();
      expect(station.distanceMeters as number).toBeLessThanOrEqual(1500);
      expect(station.distanceMeters as number).toBeCloseTo(metresBetween(centre, station.location), 3);
    }
    const distances = ordered.map((station) => station.distanceMeters as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    const plain = ok(
      await platform.query<{ wasteStations: Page<Located> }>(
        '{ wasteStations(first: 3) { edges { node { distanceMeters } } } }',
      ),
    );
    expect(plain.wasteStations.edges.map((edge) => edge.node.distanceMeters)).toEqual([null, null, null]);
  });

  it('orders the other located lists by distance too', async () => {
    for (const list of ['buildings', 'budgetProjects', 'challenges', 'startups', 'trainingCourses']) {
      const nodes = await readAll<Located>(
        list,
        `filter: { near: { latitude: 48.86, longitude: 2.35, radiusMeters: 5000 } }, orderBy: [{ field: DISTANCE, direction: DESC }]`,
        'id location { latitude longitude } distanceMeters',
        50,
      );
      const distances = nodes.map((node) => node.distanceMeters as number);
      expect(distances, list).toEqual([...distances].sort((a, b) => b - a));
      for (const node of nodes)
        expect(node.distanceMeters, list).toBeCloseTo(
          metresBetween({ latitude: 48.86, longitude: 2.35 }, node.location),
          3,
        );
    }
  });
});

describe('bbox and within: the real boundaries', () => {
  let boundary: Polygon;
  let buildings: Located[];
  beforeAll(async () => {
    const territory = ok(
      await platform.query<{ arrondissement: { geometry: Polygon | null } }>(
        '{ arrondissement(code: 17) { geometry } }',
      ),
    );
    boundary = territory.arrondissement.geometry as Polygon;
    buildings = await readAll<Located>('buildings', 'filter: {}', 'id location { latitude longitude }', 100);
  });

  it('within an arrondissement is the point-in-polygon test over its official boundary', async () => {
    if (!inject('openDataDir')) return; // the boundaries come with the real exports
    const inside = await readAll<Located>(
      'buildings',
      'filter: { within: { arrondissement: 17 } }',
      'id location { latitude longitude }',
      100,
    );
    const expected = buildings.filter((building) => insidePolygon(boundary, building.location));
    expect(expected.length).toBeGreaterThan(50);
    expect(inside.map((building) => building.id).sort()).toEqual(expected.map((b) => b.id).sort());
  });

  it('within a caller polygon with a hole, and inside a bbox', async () => {
    const outline = [
      [2.3, 48.85],
      [2.38, 48.85],
      [2.38, 48.89],
      [2.3, 48.89],
      [2.3, 48.85],
    ];
    const hole = [
      [2.33, 48.86],
      [2.35, 48.86],
      [2.35, 48.88],
      [2.33, 48.88],
      [2.33, 48.86],
    ];
    const polygon: Polygon = { type: 'Polygon', coordinates: [outline, hole] };
    const response = await platform.query<{ buildings: Page<Located> }>(
      'query ($polygon: JSONObject) { buildings(first: 100, filter: { within: { polygon: $polygon } }) { totalCount } }',
      { polygon },
    );
    const expected = buildings.filter((building) => insidePolygon(polygon, building.location));
    expect(expected.length).toBeGreaterThan(10);
    expect(ok(response).buildings.totalCount).toBe(expected.length);

    const boxed = await readAll<Located>(
      'wasteStations',
      'filter: { bbox: { south: 48.85, west: 2.3, north: 48.87, east: 2.33 } }',
      'id location { latitude longitude }',
      100,
    );
    expect(boxed.length).toBeGreaterThan(0);
    for (const station of boxed) {
      expect(station.location.latitude).toBeGreaterThanOrEqual(48.85);
      expect(station.location.latitude).toBeLessThanOrEqual(48.87);
      expect(station.location.longitude).toBeGreaterThanOrEqual(2.3);
      expect(station.location.longitude).toBeLessThanOrEqual(2.33);
    }
  });

  it('within a district, by its boundary', async () => {
    const district = ok(
      await platform.query<{ district: { geometry: Polygon } }>(
        '{ district(id: "clichy-batignolles") { geometry } }',
      ),
    ).district;
    const inside = await readAll<Located>(
      'buildings',
      'filter: { within: { districtId: "clichy-batignolles" } }',
      'id location { latitude longitude }',
      100,
    );
    // PostgreSQL's geometric operators count points within 1e-6 degrees (about 0.1 m) of an edge as on it.
    const undecided = (building: Located) => metresToBoundary(district.geometry, building.location) < 0.5;
    const decided = (list: Located[]) =>
      list
        .filter((building) => !undecided(building))
        .map((building) => building.id)
        .sort();
    const expected = buildings.filter((building) => insidePolygon(district.geometry, building.location));
    expect(expected.length).toBeGreaterThan(10);
    expect(decided(inside)).toEqual(decided(expected));
  });

  it('refuses malformed areas, naming the argument', async () => {
    const cases: [string, string][] = [
      [
        '{ buildings(filter: { within: { arrondissement: 17, districtId: "x" } }) { totalCount } }',
        'filter.within',
      ],
      [
        '{ buildings(filter: { within: { arrondissement: 21 } }) { totalCount } }',
        'filter.within.arrondissement',
      ],
      [
        '{ wasteStations(filter: { within: { polygon: { type: "Polygon", coordinates: [[[2.3, 48.8], [2.4, 48.8], [2.3, 48.8]]] } } }) { totalCount } }',
        'filter.within.polygon',
      ],
      [
        '{ wasteStations(filter: { within: { polygon: { type: "Point", coordinates: [2.3, 48.8] } } }) { totalCount } }',
        'filter.within.polygon',
      ],
      [
        '{ startups(filter: { bbox: { south: 49, west: 2.3, north: 48, east: 2.4 } }) { totalCount } }',
        'filter.bbox',
      ],
    ];
    for (const [query, argument] of cases) {
      const result = await platform.query(query);
      expect(result.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message, query).toContain(argument);
    }
  });
});

describe('search: French full text', () => {
  it('finds "école" when asked for "ecole", case and accents aside, most relevant first', async () => {
    const result = ok(
      await platform.query<{ buildings: Page<{ name: string }> }>(
        '{ buildings(first: 100, filter: { search: "ECOLE" }) { totalCount edges { node { name } } } }',
      ),
    );
    expect(result.buildings.totalCount).toBeGreaterThan(0);
    for (const edge of result.buildings.edges)
      expect(
        edge.node.name
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toLowerCase(),
      ).toMatch(/ecole|rue des ecoles/);
    const courses = ok(
      await platform.query<{ trainingCourses: Page<{ title: string }> }>(
        '{ trainingCourses(first: 5, filter: { search: "developpeur" }) { totalCount edges { node { title } } } }',
      ),
    );
    expect(courses.trainingCourses.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('searches every text-bearing list and refuses empty words', async () => {
    for (const list of [
      'budgetProjects',
      'challenges',
      'startups',
      'trainingCourses',
      'wasteStations',
      'buildings',
    ]) {
      const result = await platform.query<Record<string, Page<{ id: string }>>>(
        `{ ${list}(first: 3, filter: { search: "paris" }) { totalCount edges { node { id } } } }`,
      );
      expect(result.errors, list).toBeUndefined();
      const empty = await platform.query(`{ ${list}(filter: { search: "  " }) { totalCount } }`);
      expect(empty.errors?.[0].extensions?.code, list).toBe('BAD_USER_INPUT');
      expect(empty.errors?.[0].message, list).toContain('filter.search');
    }
  });
});

describe('statements per query', () => {
  it('do not grow with the page size when ordering by distance, within and searching', async () => {
    const statements = async (first: number) => {
      sqlStatementCounter.reset();
      const result = await platform.query(`{
        wasteStations(first: ${first}, filter: { near: { latitude: 48.86, longitude: 2.35, radiusMeters: 3000 } }, orderBy: [{ field: DISTANCE }]) {
          edges { node { distanceMeters arrondissement { name } } }
        }
        buildings(first: ${first}, filter: { within: { districtId: "clichy-batignolles" }, search: "ecole" }) {
          edges { node { name arrondissement { name } } }
        }
        arrondissements {
          wasteStations(first: ${first}, filter: { near: { latitude: 48.86, longitude: 2.35, radiusMeters: 3000 } }, orderBy: [{ field: DISTANCE }]) {
            edges { node { distanceMeters } }
          }
        }
      }`);
      expect(result.errors?.map((error) => error.message)).toBeUndefined();
      return sqlStatementCounter.total();
    };
    const small = await statements(2);
    expect(await statements(40)).toBe(small);
  });
});

describe('facets: counts per value within the filter', () => {
  interface Faceted {
    totalCount: number;
    facets: { field: string; values: { value: string | null; count: number }[] }[];
  }

  it('count each value over all pages of the current filter, summing to totalCount', async () => {
    const result = ok(
      await platform.query<{ buildings: Faceted; wasteStations: Faceted; budgetProjects: Faceted }>(`{
        buildings(first: 1, filter: { arrondissement: 17, supervised: true }) {
          totalCount facets(fields: [ENERGY_CLASS, CATEGORY, ARRONDISSEMENT])
          { field values { value count } }
        }
        wasteStations(first: 0, filter: { near: { latitude: 48.86, longitude: 2.35, radiusMeters: 2000 } }) {
          totalCount facets(fields: [CATEGORY]) { field values { value count } }
        }
        budgetProjects(first: 2, filter: { edition: 2019 }) {
          totalCount facets(fields: [THEME, PROGRESS]) { field values { value count } }
        }
      }`),
    );
    for (const list of [result.buildings, result.wasteStations, result.budgetProjects]) {
      expect(list.totalCount).toBeGreaterThan(0);
      for (const facet of list.facets) {
        const sum = facet.values.reduce((total, value) => total + value.count, 0);
        expect(sum, facet.field).toBe(list.totalCount);
        const counts = facet.values.map((value) => value.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      }
    }
    expect(result.buildings.facets.map((facet) => facet.field)).toEqual([
      'ENERGY_CLASS',
      'CATEGORY',
      'ARRONDISSEMENT',
    ]);
    expect(result.buildings.facets[2].values).toEqual([{ value: '17', count: result.buildings.totalCount }]);
  });

  it('agree with the filtered list itself', async () => {
    const facets = ok(
      await platform.query<{ wasteStations: Faceted }>(
        '{ wasteStations(filter: { arrondissement: 11 }) { totalCount facets(fields: [CATEGORY]) { field values { value count } } } }',
      ),
    ).wasteStations.facets[0].values;
    for (const { value, count } of facets) {
      const list = ok(
        await platform.query<{ wasteStations: Faceted }>(
          `{ wasteStations(filter: { arrondissement: 11, category: ${value} }) { totalCount } }`,
        ),
      );
      expect(list.wasteStations.totalCount, String(value)).toBe(count);
    }
  });

  it('cost one statement whatever the page size, and refuse nested lists and empty fields', async () => {
    const statements = async (first: number) => {
      sqlStatementCounter.reset();
      const result = await platform.query(
        `{ trainingCourses(first: ${first}) { edges { node { id } } facets(fields: [YEAR, FORMAT, SKILL_DOMAIN]) { values { count } } } }`,
      );
      expect(result.errors).toBeUndefined();
      return sqlStatementCounter.total();
    };
    expect(await statements(50)).toBe(await statements(1));
    const nested = await platform.query(
      '{ arrondissement(code: 17) { wasteStations { facets(fields: [CATEGORY]) { field } } } }',
    );
    expect(nested.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const empty = await platform.query('{ startups { facets(fields: []) { field } } }');
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0].message).toContain('fields');
  });
});
