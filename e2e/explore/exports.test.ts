import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestPlatform, type GraphQLResponse, type TestPlatform } from '#test/platform';

let platform: TestPlatform;
let base: string;

beforeAll(async () => {
  platform = await startTestPlatform(['territory', 'energy', 'waste', 'training']);
  base = platform.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => platform?.stop());

async function idsOf(path: string): Promise<string[]> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string })
    .map((row) => row.id)
    .sort();
}

interface IdPage {
  edges: { node: { id: string } }[];
  pageInfo: { endCursor: string; hasNextPage: boolean };
}

async function graphIds(list: string, filter: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result: GraphQLResponse<Record<string, IdPage>> = await platform.query<Record<string, IdPage>>(
      `query ($after: String) { ${list}(first: 100, after: $after, filter: ${filter}) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`,
      { after },
    );
    expect(result.errors).toBeUndefined();
    const page: IdPage | undefined = result.data?.[list];
    ids.push(...(page?.edges.map((edge) => edge.node.id) ?? []));
    if (!page?.pageInfo.hasNextPage) return ids.sort();
    after = page.pageInfo.endCursor;
  }
}

describe('exports take the exploring filters', () => {
  it('within an arrondissement, a district or a polygon: the rows GraphQL lists', async () => {
    if (inject('openDataDir')) {
      expect(await idsOf('/datasets/buildings.ndjson?columns=id&within=arrondissement:17')).toEqual(
        await graphIds('buildings', '{ within: { arrondissement: 17 } }'),
      );
    }
    expect(await idsOf('/datasets/buildings.ndjson?columns=id&within=district:clichy-batignolles')).toEqual(
      await graphIds('buildings', '{ within: { districtId: "clichy-batignolles" } }'),
    );
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [2.3, 48.85],
          [2.38, 48.85],
          [2.34, 48.89],
          [2.3, 48.85],
        ],
      ],
    };
    const fromExport = await idsOf(
      `/datasets/waste-stations.ndjson?columns=id&within=${encodeURIComponent(JSON.stringify(polygon))}`,
    );
    expect(fromExport.length).toBeGreaterThan(0);
    const graph = await platform.query<{ wasteStations: { totalCount: number } }>(
      'query ($polygon: JSONObject) { wasteStations(filter: { within: { polygon: $polygon } }) { totalCount } }',
      { polygon },
    );
    expect(fromExport.length).toBe(graph.data?.wasteStations.totalCount);
  });

  it('search, accent-insensitive, as the GraphQL filter; CSV through COPY alike', async () => {
    const exported = await idsOf('/datasets/buildings.ndjson?columns=id&search=ecole');
    expect(exported.length).toBeGreaterThan(0);
    expect(exported).toEqual(await graphIds('buildings', '{ search: "École" }'));
    const csv = await (await fetch(`${base}/datasets/buildings.csv?columns=id&search=ecole`)).text();
    expect(csv.trim().split('\n').slice(1).sort()).toEqual(exported);
  });

  it('refuses malformed areas and searches with 400 naming the parameter', async () => {
    for (const [query, parameter] of [
      ['within=arrondissement:21', 'within'],
      ['within=somewhere', 'within'],
      ['within={"type":"Polygon","coordinates":[]}', 'within'],
      ['search=', 'search'],
    ]) {
      const response = await fetch(`${base}/datasets/buildings.csv?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text(), query).toContain(parameter);
    }
    const noText = await fetch(`${base}/datasets/meter-readings.csv?search=ecole`);
    expect(noText.status).toBe(400);
  });
});
