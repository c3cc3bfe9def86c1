import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type GraphQLResponse, type TestPlatform } from '#test/platform';
import { sqlStatementCounter } from '#test/sql-statements';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform(['territory']);
});
afterAll(() => platform?.stop());

describe('territory', () => {
  it('lists the 20 arrondissements with the contract fields', async () => {
    const result = await platform.query<{
      arrondissements: {
        code: number;
        inseeCode: string;
        name: string;
        surfaceM2: number;
        population: number;
      }[];
    }>('{ arrondissements { code inseeCode name surfaceM2 population } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.arrondissements).toHaveLength(20);
    expect(result.data?.arrondissements.map((a) => a.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const seventeenth = result.data?.arrondissements[16];
    expect(seventeenth).toMatchObject({ code: 17, inseeCode: '75117' });
    expect(seventeenth?.population).toBeGreaterThan(100_000);
    expect(seventeenth?.surfaceM2).toBeCloseTo(5668835, -2);
  });

  it('answers an unknown arrondissement with BAD_USER_INPUT', async () => {
    const result = await platform.query('{ arrondissement(code: 21) { name } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/1 to 20/);
  });

  it('finds the arrondissement containing a point from the real boundaries', async () => {
    const result = await platform.query<{ arrondissementAt: { code: number } | null }>(
      '{ arrondissementAt(latitude: 48.8893, longitude: 2.3160) { code } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.arrondissementAt?.code).toBe(17);
  });

  it('lists the districts of the 17th, Clichy-Batignolles among them', async () => {
    const result = await platform.query<{ arrondissement: { districts: { id: string; kind: string }[] } }>(
      '{ arrondissement(code: 17) { districts { id kind } } }',
    );
    expect(result.data?.arrondissement.districts).toContainEqual({
      id: 'clichy-batignolles',
      kind: 'ECO_DISTRICT',
    });
  });
});

function ok<T>(result: GraphQLResponse<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

interface CitationNode {
  title: string;
  publisher: string;
  year: number | null;
  url: string | null;
  note: string | null;
}

describe('the city', () => {
  it("gives Paris the brochure's key figures, each with its year and source, and its 20 arrondissements", async () => {
    const data = ok(
      await platform.query<{
        city: {
          id: string;
          name: string;
          inseeCode: string;
          provenance: string;
          figures: {
            indicator: string;
            value: number;
            unit: string;
            label: string;
            year: number;
            source: CitationNode;
          }[];
          arrondissements: { code: number }[];
        };
      }>(
        `{ city { id name inseeCode provenance arrondissements { code }
             figures { indicator value unit label year source { title publisher year url note } } } }`,
      ),
    );
    expect(data.city).toMatchObject({
      id: 'paris',
      name: 'Paris',
      inseeCode: '75056',
      provenance: 'REFERENCE',
    });
    expect(data.city.arrondissements.map((arrondissement) => arrondissement.code)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(data.city.figures.map((figure) => [figure.indicator, figure.value])).toEqual([
      ['INHABITANTS', 2_200_000],
      ['JOBS', 1_800_000],
      ['SHOPS_AND_COMMERCIAL_SERVICES', 62_500],
      ['STARTUPS', 10_000],
      ['BUSINESSES', 500_000],
      ['HIGHER_EDUCATION_STUDENTS', 350_000],
    ]);
    for (const figure of data.city.figures) {
      expect(figure.year).toBe(2019);
      expect(figure.source).toMatchObject({ publisher: 'City of Paris', year: 2019 });
      expect(figure.source.title).toMatch(/^Smart and Sustainable Paris/);
      // The brochure is undated: the note says how its year was read.
      expect(figure.source.note).toMatch(/undated/);
    }
    expect(data.city.figures[1].label).toBe('1.8 million jobs');
  });

  it('selects figures by indicator, and refuses an empty selection naming the argument', async () => {
    const data = ok(
      await platform.query<{ city: { figures: { indicator: string }[]; figure: { value: number } | null } }>(
        '{ city { figures(indicators: [STARTUPS, JOBS]) { indicator } figure(indicator: HIGHER_EDUCATION_STUDENTS) { value } } }',
      ),
    );
    expect(data.city.figures.map((figure) => figure.indicator)).toEqual(['JOBS', 'STARTUPS']);
    expect(data.city.figure?.value).toBe(350_000);
    const refused = await platform.query('{ city { figures(indicators: []) { value } } }');
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/`indicators`/);
  });
});

describe('urban innovation neighbourhoods and projects', () => {
  it('has the two urban innovation neighbourhoods as districts of their own kind, with their sources', async () => {
    const data = ok(
      await platform.query<{
        districts: {
          id: string;
          kind: string;
          startYear: number;
          arrondissement: { code: number };
          source: CitationNode | null;
        }[];
      }>(
        '{ districts(filter: { kind: "URBAN_INNOVATION_NEIGHBOURHOOD" }) { id kind startYear arrondissement { code } source { title publisher year url note } } }',
      ),
    );
    expect(
      data.districts.map((district) => [district.id, district.startYear, district.arrondissement.code]),
    ).toEqual([
      ['innovation-chapelle-s', 2019, 18],
      ['innovation-paris-rive-gauche', 2018, 13],
    ]);
    for (const district of data.districts) expect(district.source?.url).toMatch(/^https?:\/\//);
    // The other districts name no source: none is invented for them.
    const eco = ok(
      await platform.query<{ district: { source: CitationNode | null; kind: string } }>(
        '{ district(id: "clichy-batignolles") { kind source { title } } }',
      ),
    );
    expect(eco.district).toEqual({ kind: 'ECO_DISTRICT', source: null });
  });

  it("gives Clichy-Batignolles the CoRDEES project's facts, as the brochure states them", async () => {
    const data = ok(
      await platform.query<{
        district: { projects: Record<string, unknown>[] };
        projects: { id: string }[];
        project: { district: { id: string } } | null;
        unknown: null;
      }>(
        `{ district(id: "clichy-batignolles") { projects { id name fullName lead startYear durationYears website
             partners { name role } funding { programme amountEuros sharePercent periodYears }
             provenance source { title year } } }
           projects(filter: { arrondissement: 17 }) { id }
           project(id: "cordees") { district { id } }
           unknown: project(id: "no-such-project") { id } }`,
      ),
    );
    const [cordees] = data.district.projects;
    expect(data.district.projects).toHaveLength(1);
    expect(cordees).toMatchObject({
      id: 'cordees',
      name: 'CoRDEES',
      lead: 'City of Paris',
      startYear: 2016,
      durationYears: 3,
      website: 'http://cordees.paris',
      funding: [
        {
          programme: 'ERDF – Urban Innovative Actions (UIA)',
          amountEuros: 4_300_000,
          sharePercent: 80,
          periodYears: 3,
        },
      ],
      provenance: 'REFERENCE',
      source: { year: 2019 },
    });
    expect((cordees.partners as { name: string }[]).map((partner) => partner.name)).toEqual([
      'City of Paris',
      'Paris Métropole Aménagement',
      'EMBIX',
      'Une autre ville',
      'MINES ParisTech',
    ]);
    expect(data.projects).toEqual([{ id: 'cordees' }]);
    expect(data.project?.district.id).toBe('clichy-batignolles');
    expect(data.unknown).toBeNull();
  });

  it('answers bad project filters with BAD_USER_INPUT naming the argument', async () => {
    for (const [filter, argument] of [
      ['{ arrondissement: 21 }', 'filter.arrondissement'],
      ['{ districtId: "Not a slug!" }', 'filter.districtId'],
    ]) {
      const result = await platform.query(`{ projects(filter: ${filter}) { id } }`);
      expect(result.errors?.[0].extensions?.code, filter).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message, filter).toContain(`\`${argument}\``);
    }
  });

  it('costs the same statements for one district as for all of them (no query per district)', async () => {
    const query = (filter: string) =>
      `{ districts${filter} { id arrondissement { name } projects { id name } source { title } } }`;
    const counts: number[] = [];
    // The 18th has two districts, one citing a source (as in the whole list).
    for (const filter of ['(filter: { arrondissement: 18 })', '']) {
      sqlStatementCounter.reset();
      ok(await platform.query(query(filter)));
      counts.push(sqlStatementCounter.bySchema.get('territory') ?? 0);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });
});
