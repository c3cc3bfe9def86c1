import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatementCounter } from '#test/sql-statements';
import { ANONYMOUS, encodeIdentity, IDENTITY_HEADER } from '#platform/identity';
import {
  MIN_BUILDINGS_PER_ARRONDISSEMENT,
  MIN_STARTUPS,
  MIN_STATIONS_PER_ARRONDISSEMENT,
  startupId,
} from '#datasets/identifiers';
import { TEST_SEED } from '#test/global-setup';
import {
  exportFromSubgraph,
  startTestPlatform,
  type GraphQLResponse,
  type TestPlatform,
} from '#test/platform';
import { metresBetween, type Page, type Point } from '#test/fixtures';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform(['territory', 'datacity']);
});
afterAll(() => platform?.stop());

function expectNoErrors(result: GraphQLResponse<unknown>): void {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
}

/** The datacity statements an operation costs (the platform runs in this process). */
async function datacityStatements(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  const before = sqlStatementCounter.bySchema.get('datacity') ?? 0;
  expectNoErrors(await platform.query(query, variables));
  return (sqlStatementCounter.bySchema.get('datacity') ?? 0) - before;
}

interface ChallengeNode {
  id: string;
  season: number;
  theme: string;
  status: string;
  partners: string[];
  arrondissement: { code: number };
  location: Point;
}

async function allChallenges(): Promise<ChallengeNode[]> {
  const result = await platform.query<{ challenges: Page<ChallengeNode> }>(
    '{ challenges(first: 100) { edges { node { id season theme status partners arrondissement { code } location { latitude longitude } } } } }',
  );
  expectNoErrors(result);
  return result.data!.challenges.edges.map((edge) => edge.node);
}

/**
 * Every challenge with a nested selection, page by page: the gateway's cost limit (5,000, nested
 * lists counted as 10) is what a real client faces too.
 */
async function walkChallenges<T>(selection: string, first: number): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 40; guard += 1) {
    const result: GraphQLResponse<{ challenges: Page<T> }> = await platform.query(
      `query($first: Int, $after: String) { challenges(first: $first, after: $after) { edges { node ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { first, after },
    );
    expectNoErrors(result);
    nodes.push(...result.data!.challenges.edges.map((edge) => edge.node));
    if (!result.data!.challenges.pageInfo.hasNextPage) break;
    after = result.data!.challenges.pageInfo.endCursor;
  }
  expect(nodes).toHaveLength(39);
  return nodes;
}

describe('datacity challenges', () => {
  it('lists the 39 challenges of the brochure, by season, with the contract connection shape', async () => {
    const result = await platform.query<{
      challenges: Page<{ id: string; title: string; season: number; provenance: string }>;
    }>(
      '{ challenges(first: 5) { totalCount edges { cursor node { id title season provenance } } pageInfo { hasNextPage endCursor } } }',
    );
    expectNoErrors(result);
    const page = result.data!.challenges;
    expect(page.totalCount).toBe(39);
    expect(page.edges.map((edge) => edge.node.id)).toEqual([
      'DC-2016-01',
      'DC-2016-02',
      'DC-2016-03',
      'DC-2016-04',
      'DC-2016-05',
    ]);
    expect(
      page.edges.every((edge) => edge.node.provenance === 'GENERATED' && edge.node.title.length > 10),
    ).toBe(true);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[4].cursor });
  });

  it('walks every challenge exactly once across pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const result: GraphQLResponse<{ challenges: Page<{ id: string }> }> = await platform.query(
        'query($after: String) { challenges(first: 7, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expectNoErrors(result);
      seen.push(...result.data!.challenges.edges.map((edge) => edge.node.id));
      if (!result.data!.challenges.pageInfo.hasNextPage) break;
      after = result.data!.challenges.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(39);
    expect(new Set(seen).size).toBe(39);
    expect(seen).toEqual([...seen].sort());
  });

  it('filters by season, theme, status, partner and arrondissement', async () => {
    const all = await allChallenges();
    const bySeason = Object.fromEntries(
      [2016, 2017, 2018, 2019].map((season) => [
        season,
        all.filter((challenge) => challenge.season === season).length,
      ]),
    );
    expect(bySeason).toEqual({ 2016: 9, 2017: 10, 2018: 10, 2019: 10 });

    const filtered = async (filter: string) => {
      const result = await platform.query<{ challenges: Page<ChallengeNode> }>(
        `{ challenges(first: 100, filter: ${filter}) { totalCount edges { node { id season theme status partners arrondissement { code } } } } }`,
      );
      expectNoErrors(result);
      return result.data!.challenges;
    };
    const season2017 = await filtered('{ season: 2017 }');
    expect(season2017.totalCount).toBe(10);
    expect(season2017.edges.every((edge) => edge.node.season === 2017)).toBe(true);

    const energy = await filtered('{ theme: ENERGY }');
    expect(energy.totalCount).toBe(9);
    expect(energy.edges.every((edge) => edge.node.theme === 'ENERGY')).toBe(true);

    const open = await filtered('{ status: OPEN }');
    expect(open.edges.map((edge) => edge.node.id)).toEqual(['DC-2019-09', 'DC-2019-10']);
    const wasteIn2018 = await filtered('{ theme: WASTE, season: 2018 }');
    expect(wasteIn2018.totalCount).toBe(all.filter((c) => c.theme === 'WASTE' && c.season === 2018).length);

    const partner = all[0].partners[0];
    const withPartner = await filtered(`{ partner: ${JSON.stringify(partner)} }`);
    expect(withPartner.totalCount).toBe(
      all.filter((challenge) => challenge.partners.includes(partner)).length,
    );
    expect(withPartner.edges.every((edge) => edge.node.partners.includes(partner))).toBe(true);

    const code = all[0].arrondissement.code;
    const inArrondissement = await filtered(`{ arrondissement: ${code} }`);
    expect(inArrondissement.totalCount).toBe(
      all.filter((challenge) => challenge.arrondissement.code === code).length,
    );
    expect(inArrondissement.edges.every((edge) => edge.node.arrondissement.code === code)).toBe(true);
  });

  it('finds the challenges within a radius, exactly as the great-circle distance says', async () => {
    const all = await allChallenges();
    const centre = all[10].location;
    const radiusMeters = 2500;
    const result = await platform.query<{ challenges: Page<{ id: string }> }>(
      'query($near: NearInput!) { challenges(first: 100, filter: { near: $near }) { totalCount edges { node { id } } } }',
      { near: { ...centre, radiusMeters } },
    );
    expectNoErrors(result);
    const expected = all
      .filter((challenge) => metresBetween(centre, challenge.location) <= radiusMeters)
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(39);
    expect(result.data!.challenges.edges.map((edge) => edge.node.id)).toEqual(expected);
    expect(result.data!.challenges.totalCount).toBe(expected.length);
  });

  it('answers bad arguments with BAD_USER_INPUT and a message naming them', async () => {
    const cases: [string, RegExp][] = [
      ['{ challenges(filter: { arrondissement: 21 }) { totalCount } }', /arrondissement.*1 to 20/],
      ['{ challenges(filter: { season: 2015 }) { totalCount } }', /season.*from 2016/],
      ['{ challenges(first: 101) { totalCount } }', /must not exceed 100/],
      ['{ challenges(after: "nonsense") { totalCount } }', /not a cursor/],
      [
        '{ challenges(filter: { near: { latitude: 48.85, longitude: 2.35, radiusMeters: 0 } }) { totalCount } }',
        /radiusMeters/,
      ],
      ['{ startups(filter: { arrondissement: 0 }) { totalCount } }', /arrondissement.*1 to 20/],
      ['{ startups(filter: { foundedYear: 1800 }) { totalCount } }', /foundedYear/],
      ['{ experiments(filter: { arrondissement: 42 }) { totalCount } }', /arrondissement.*1 to 20/],
    ];
    for (const [query, message] of cases) {
      const result = await platform.query(query);
      expect(result.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message, query).toMatch(message);
    }
  });

  it('places every challenge on sites that are waste stations or public buildings its owners guarantee', async () => {
    const challenges = await walkChallenges<{
      arrondissement: { code: number };
      location: Point;
      sites: {
        id: string;
        kind: string;
        wasteStation: { id: string } | null;
        building: { id: string } | null;
        arrondissement: { code: number; name: string };
        location: Point;
      }[];
    }>(
      '{ arrondissement { code } location { latitude longitude } sites { id kind wasteStation { id } building { id } arrondissement { code name } location { latitude longitude } } }',
      10,
    );
    for (const node of challenges) {
      expect(node.sites.length).toBeGreaterThan(0);
      expect(node.location).toEqual(node.sites[0].location);
      for (const site of node.sites) {
        const code = String(node.arrondissement.code).padStart(2, '0');
        // The territory subgraph resolves the site's arrondissement through the gateway.
        expect(site.arrondissement.code).toBe(node.arrondissement.code);
        expect(site.arrondissement.name).toMatch(/Ardt/);
        if (site.kind === 'WASTE_STATION') {
          expect(site.building).toBeNull();
          const match = new RegExp(`^TRILIB-${code}-(\\d{4})$`).exec(site.wasteStation?.id ?? '');
          expect(Number(match?.[1])).toBeGreaterThanOrEqual(1);
          expect(Number(match?.[1])).toBeLessThanOrEqual(MIN_STATIONS_PER_ARRONDISSEMENT);
        } else {
          expect(site.kind).toBe('PUBLIC_BUILDING');
          expect(site.wasteStation).toBeNull();
          const match = new RegExp(`^BAT-${code}-(\\d{4})$`).exec(site.building?.id ?? '');
          expect(Number(match?.[1])).toBeGreaterThanOrEqual(1);
          expect(Number(match?.[1])).toBeLessThanOrEqual(MIN_BUILDINGS_PER_ARRONDISSEMENT);
        }
      }
    }
  });

  it('ties selections, experiments and outcomes to the challenge status', async () => {
    const challenges = await walkChallenges<{
      id: string;
      status: string;
      startups: { id: string; challenges: { id: string }[] }[];
      experiments: {
        challenge: { id: string };
        startup: { id: string };
        site: { id: string; challenge: { id: string } };
        startDate: string;
        endDate: string;
        outcome: string | null;
        kpis: { measured: number | null; targetMet: boolean | null }[];
      }[];
    }>(
      `{ id status startups { id challenges { id } }
         experiments { challenge { id } startup { id } site { id challenge { id } } startDate endDate outcome kpis { measured targetMet } } }`,
      5,
    );
    const outcomes = new Set<string | null>();
    for (const node of challenges) {
      if (node.status === 'OPEN') {
        expect(node.startups).toEqual([]);
        expect(node.experiments).toEqual([]);
        continue;
      }
      expect(node.startups.length).toBeGreaterThan(0);
      // Every selected start-up lists the challenge back, and runs at least one experiment.
      for (const startup of node.startups) {
        expect(startup.challenges.map((challenge) => challenge.id)).toContain(node.id);
        expect(node.experiments.some((experiment) => experiment.startup.id === startup.id)).toBe(true);
      }
      for (const experiment of node.experiments) {
        outcomes.add(experiment.outcome);
        expect(experiment.challenge.id).toBe(node.id);
        expect(experiment.site.challenge.id).toBe(node.id);
        expect(experiment.endDate >= experiment.startDate).toBe(true);
        expect(experiment.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(experiment.kpis.length).toBeGreaterThan(0);
        if (node.status === 'EXPERIMENTING') {
          expect(experiment.outcome).toBeNull();
          expect(experiment.kpis.every((kpi) => kpi.measured === null && kpi.targetMet === null)).toBe(true);
        } else {
          expect(experiment.outcome).not.toBeNull();
          if (experiment.outcome === 'DEPLOYED')
            expect(experiment.kpis.every((kpi) => kpi.targetMet)).toBe(true);
          if (experiment.outcome === 'STOPPED')
            expect(experiment.kpis.some((kpi) => kpi.targetMet === false)).toBe(true);
        }
      }
    }
    expect([...outcomes].sort()).toEqual(['DEPLOYED', 'EXTENDED', 'STOPPED', null].sort());
  });

  it('contributes a paginated challenges connection to every arrondissement', async () => {
    const all = await allChallenges();
    const result = await platform.query<{
      arrondissements: {
        code: number;
        name: string;
        challenges: Page<{ id: string; arrondissement: { code: number } }>;
      }[];
    }>(
      '{ arrondissements { code name challenges(first: 2) { totalCount edges { cursor node { id arrondissement { code } } } pageInfo { hasNextPage endCursor } } } }',
    );
    expectNoErrors(result);
    const arrondissements = result.data!.arrondissements;
    expect(arrondissements).toHaveLength(20);
    expect(arrondissements.reduce((sum, a) => sum + a.challenges.totalCount, 0)).toBe(39);
    for (const arrondissement of arrondissements) {
      const own = all
        .filter((challenge) => challenge.arrondissement.code === arrondissement.code)
        .map((c) => c.id);
      expect(arrondissement.challenges.totalCount).toBe(own.length);
      expect(arrondissement.challenges.edges.map((edge) => edge.node.id)).toEqual(own.slice(0, 2));
      expect(arrondissement.challenges.pageInfo.hasNextPage).toBe(own.length > 2);
    }
    const busiest = arrondissements.reduce((a, b) =>
      b.challenges.totalCount > a.challenges.totalCount ? b : a,
    );
    expect(busiest.challenges.totalCount).toBeGreaterThan(2);
    const next = await platform.query<{ arrondissement: { challenges: Page<{ id: string }> } }>(
      'query($code: Int!, $after: String) { arrondissement(code: $code) { challenges(first: 100, after: $after) { edges { node { id } } } } }',
      { code: busiest.code, after: busiest.challenges.pageInfo.endCursor },
    );
    expectNoErrors(next);
    const own = all.filter((challenge) => challenge.arrondissement.code === busiest.code).map((c) => c.id);
    expect(next.data!.arrondissement.challenges.edges.map((edge) => edge.node.id)).toEqual(own.slice(2));
  });
});

describe('datacity start-ups', () => {
  it('holds at least MIN_STARTUPS start-ups with the conventional ids, alphabetically', async () => {
    const result = await platform.query<{
      startups: Page<{
        id: string;
        name: string;
        sector: string;
        foundedYear: number;
        employees: number;
        website: string | null;
      }>;
    }>(
      '{ startups(first: 100) { totalCount edges { node { id name sector foundedYear employees website } } pageInfo { hasNextPage } } }',
    );
    expectNoErrors(result);
    const page = result.data!.startups;
    expect(page.totalCount).toBeGreaterThanOrEqual(MIN_STARTUPS);
    expect(page.totalCount).toBe(80);
    const names = page.edges.map((edge) => edge.node.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const ids = new Set(page.edges.map((edge) => edge.node.id));
    for (let index = 1; index <= MIN_STARTUPS; index += 1) expect(ids.has(startupId(index))).toBe(true);
    for (const { node } of page.edges) {
      expect(node.foundedYear).toBeGreaterThanOrEqual(2009);
      expect(node.employees).toBeGreaterThanOrEqual(2);
    }
  });

  it('finds a start-up by id, with its challenges and experiments', async () => {
    const selected = await platform.query<{ startups: Page<{ id: string }> }>(
      '{ startups(first: 1, filter: { selected: true }) { totalCount edges { node { id } } } }',
    );
    expectNoErrors(selected);
    const id = selected.data!.startups.edges[0].node.id;
    const result = await platform.query<{
      startup: {
        id: string;
        challenges: { id: string; startups: { id: string }[] }[];
        experiments: { startup: { id: string } }[];
      };
      missing: null;
    }>(
      'query($id: ID!) { startup(id: $id) { id challenges { id startups { id } } experiments { startup { id } } } missing: startup(id: "startup-999") { id } }',
      { id },
    );
    expectNoErrors(result);
    expect(result.data!.missing).toBeNull();
    const startup = result.data!.startup;
    expect(startup.challenges.length).toBeGreaterThan(0);
    expect(startup.challenges.every((challenge) => challenge.startups.some((s) => s.id === id))).toBe(true);
    expect(startup.experiments.every((experiment) => experiment.startup.id === id)).toBe(true);
  });

  it('filters by sector, founding year, selection, arrondissement and distance', async () => {
    const all = await platform.query<{
      startups: Page<{
        id: string;
        sector: string;
        foundedYear: number;
        arrondissement: { code: number };
        location: Point;
        challenges: { id: string }[];
      }>;
    }>(
      '{ startups(first: 100) { edges { node { id sector foundedYear arrondissement { code } location { latitude longitude } challenges { id } } } } }',
    );
    expectNoErrors(all);
    const startups = all.data!.startups.edges.map((edge) => edge.node);
    const count = async (filter: string, variables: Record<string, unknown> = {}) => {
      const result = await platform.query<{ startups: Page<{ id: string }> }>(
        `query${filter.includes('$near') ? '($near: NearInput!)' : ''} { startups(first: 100, filter: ${filter}) { totalCount edges { node { id } } } }`,
        variables,
      );
      expectNoErrors(result);
      expect(result.data!.startups.edges).toHaveLength(result.data!.startups.totalCount);
      return result.data!.startups.totalCount;
    };
    expect(await count('{ sector: ENERGY }')).toBe(startups.filter((s) => s.sector === 'ENERGY').length);
    expect(await count('{ foundedYear: 2015 }')).toBe(startups.filter((s) => s.foundedYear === 2015).length);
    const selectedCount = startups.filter((s) => s.challenges.length > 0).length;
    expect(selectedCount).toBeGreaterThan(0);
    expect(await count('{ selected: true }')).toBe(selectedCount);
    expect(await count('{ selected: false }')).toBe(startups.length - selectedCount);
    expect(await count('{ arrondissement: 13 }')).toBe(
      startups.filter((s) => s.arrondissement.code === 13).length,
    );
    const centre = { latitude: 48.8341, longitude: 2.3707 };
    const near = startups.filter((s) => metresBetween(centre, s.location) <= 1500).length;
    expect(near).toBeGreaterThan(0);
    expect(await count('{ near: $near }', { near: { ...centre, radiusMeters: 1500 } })).toBe(near);
  });
});

describe('datacity experiments', () => {
  it('pages experiments chronologically and filters them', async () => {
    const all = await platform.query<{
      experiments: Page<{
        id: string;
        startDate: string;
        outcome: string | null;
        arrondissement: { code: number };
        location: Point;
        site: { location: Point };
      }>;
    }>(
      '{ experiments(first: 100) { totalCount edges { cursor node { id startDate outcome arrondissement { code } location { latitude longitude } site { location { latitude longitude } } } } pageInfo { hasNextPage endCursor } } }',
    );
    expectNoErrors(all);
    const page = all.data!.experiments;
    expect(page.totalCount).toBeGreaterThan(39);
    const dates = page.edges.map((edge) => edge.node.startDate);
    expect(dates).toEqual([...dates].sort());
    expect(
      page.edges.every(
        (edge) => JSON.stringify(edge.node.location) === JSON.stringify(edge.node.site.location),
      ),
    ).toBe(true);

    const second = await platform.query<{ experiments: Page<{ id: string }> }>(
      'query($after: String) { experiments(first: 3, after: $after) { edges { node { id } } } }',
      { after: page.edges[4].cursor },
    );
    expectNoErrors(second);
    expect(second.data!.experiments.edges.map((edge) => edge.node.id)).toEqual(
      page.edges.slice(5, 8).map((edge) => edge.node.id),
    );

    const running = await platform.query<{ experiments: Page<{ outcome: string | null }> }>(
      '{ experiments(first: 100, filter: { running: true }) { totalCount edges { node { outcome } } } }',
    );
    expectNoErrors(running);
    expect(running.data!.experiments.totalCount).toBeGreaterThan(0);
    expect(running.data!.experiments.edges.every((edge) => edge.node.outcome === null)).toBe(true);

    const stopped = await platform.query<{ experiments: Page<{ outcome: string }> }>(
      '{ experiments(first: 100, filter: { outcome: STOPPED, challenge: "DC-2016-01" }) { totalCount edges { node { outcome } } } }',
    );
    expectNoErrors(stopped);
    expect(stopped.data!.experiments.edges.every((edge) => edge.node.outcome === 'STOPPED')).toBe(true);

    const code = page.edges[0].node.arrondissement.code;
    const local = await platform.query<{ experiments: Page<{ arrondissement: { code: number } }> }>(
      `{ experiments(first: 100, filter: { arrondissement: ${code} }) { totalCount edges { node { arrondissement { code } } } } }`,
    );
    expectNoErrors(local);
    expect(local.data!.experiments.edges.every((edge) => edge.node.arrondissement.code === code)).toBe(true);
  });
});

describe('datacity federation and cost', () => {
  it('resolves its entities by reference, one statement per type however many are asked', async () => {
    const subgraph = platform.subgraphs.find((candidate) => candidate.name === 'datacity')!;
    const representations = [
      { __typename: 'Startup', id: startupId(1) },
      { __typename: 'Challenge', id: 'DC-2017-03' },
      { __typename: 'Startup', id: startupId(2) },
      { __typename: 'Challenge', id: 'DC-2018-01' },
      { __typename: 'Startup', id: 'startup-unknown' },
    ];
    const before = sqlStatementCounter.bySchema.get('datacity') ?? 0;
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: encodeIdentity(ANONYMOUS, platform.gatewaySecret),
      },
      body: JSON.stringify({
        query:
          'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Startup { id name } ... on Challenge { id season } } }',
        variables: { representations },
      }),
    });
    const body = (await response.json()) as {
      data: { _entities: ({ id: string } | null)[] };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data._entities.map((entity) => entity?.id ?? null)).toEqual([
      startupId(1),
      'DC-2017-03',
      startupId(2),
      'DC-2018-01',
      null,
    ]);
    expect((sqlStatementCounter.bySchema.get('datacity') ?? 0) - before).toBe(2);
  });

  it('costs the same number of statements whatever the page size, nested fields included', async () => {
    // Page sizes stay under the gateway's cost limit; a query per row would still show as a difference.
    const query = `query($first: Int) { challenges(first: $first) { totalCount edges { node { id arrondissement { code name }
      startups { name challenges { id } } sites { kind wasteStation { id } building { id } experiments { id } }
      experiments { startup { name } site { id } location { latitude longitude } kpis { targetMet } } } } } }`;
    const small = await datacityStatements(query, { first: 2 });
    const large = await datacityStatements(query, { first: 10 });
    expect(small).toBeGreaterThan(2);
    expect(large).toBe(small);

    const arrondissementQuery =
      'query($first: Int) { arrondissements { challenges(first: $first) { totalCount edges { node { id startups { id } } } } } }';
    expect(await datacityStatements(arrondissementQuery, { first: 1 })).toBe(
      await datacityStatements(arrondissementQuery, { first: 10 }),
    );

    const startupQuery =
      'query($first: Int) { startups(first: $first) { edges { node { arrondissement { code } challenges { sites { id } } experiments { challenge { id } } } } } }';
    expect(await datacityStatements(startupQuery, { first: 3 })).toBe(
      await datacityStatements(startupQuery, { first: 30 }),
    );
  });
});

describe('datacity exports', () => {
  const exportFrom = (id: string, query: string, format = 'csv') =>
    exportFromSubgraph(platform, 'datacity', id, query, format);

  it('lists datacity-challenges in the catalog, generated, with its distributions', async () => {
    const result = await platform.query<{
      dataset: {
        id: string;
        provenance: string;
        generatorSeed: number;
        license: { name: string };
        distributions: { format: string }[];
      };
    }>(
      '{ dataset(id: "datacity-challenges") { id provenance generatorSeed license { name } distributions { format } } }',
    );
    expectNoErrors(result);
    expect(result.data!.dataset).toMatchObject({
      id: 'datacity-challenges',
      provenance: 'GENERATED',
      generatorSeed: TEST_SEED,
    });
    expect(result.data!.dataset.license.name).toMatch(/Creative Commons/);
    expect(result.data!.dataset.distributions.map((distribution) => distribution.format).sort()).toEqual([
      'csv',
      'geojson',
      'ndjson',
      'parquet',
      'xlsx',
    ]);
  });

  it('streams the challenges with the GraphQL filter names, the same rows as the graph', async () => {
    const csv = await exportFrom('datacity-challenges', 'season=2017&columns=id,season');
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('id,season');
    expect(lines.slice(1)).toEqual(
      Array.from({ length: 10 }, (_, i) => `DC-2017-${String(i + 1).padStart(2, '0')},2017`),
    );

    const code = (await allChallenges())[0].arrondissement.code;
    const graph = await platform.query<{ challenges: Page<{ id: string }> }>(
      'query($code: Int) { challenges(first: 100, filter: { arrondissement: $code }) { edges { node { id } } } }',
      { code },
    );
    expectNoErrors(graph);
    const ndjson = await exportFrom('datacity-challenges', `arrondissement=${code}`, 'ndjson');
    expect(ndjson.status).toBe(200);
    const rows = (await ndjson.text())
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as { id: string; arrondissement: number });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.id)).toEqual(graph.data!.challenges.edges.map((edge) => edge.node.id));
    expect(rows.every((row) => row.arrondissement === code)).toBe(true);

    expect((await exportFrom('datacity-challenges', 'arrondissement=21')).status).toBe(400);
  });
});
