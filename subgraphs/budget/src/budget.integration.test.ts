import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { arrondissementsOfPostalCode } from '#platform/city';
import { sqlStatementCounter } from '#test/sql-statements';
import { exportFromSubgraph, startTestPlatform, type TestPlatform } from '#test/platform';
import { normalizeAddress, TOWN_HALLS, HOTEL_DE_VILLE } from '#datasets/budget/town-halls';
import { type Page } from '#test/fixtures';

const OPERATOR_KEY = 'budget-test-operator-key';

let platform: TestPlatform;
let rows: Record<string, string>[];
beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  const openDataDir = inject('openDataDir');
  if (!openDataDir) throw new Error('These tests read the real export: set PARIS_OPEN_DATA_DIR');
  rows = parse(readFileSync(path.join(openDataDir, 'bp_projets_gagnants.csv'), 'utf8'), {
    delimiter: ';',
    bom: true,
    columns: true,
  }) as Record<string, string>[];
  platform = await startTestPlatform(['territory', 'budget']);
});
afterAll(() => platform?.stop());

const count = (predicate: (row: Record<string, string>) => boolean) => rows.filter(predicate).length;
const codesOf = (row: Record<string, string>) =>
  arrondissementsOfPostalCode(row['Arrondissement du projet lauréat']);

async function total(filter: Record<string, unknown>): Promise<number> {
  const result = await platform.query<{ budgetProjects: { totalCount: number } }>(
    'query ($filter: BudgetProjectFilter) { budgetProjects(first: 0, filter: $filter) { totalCount } }',
    { filter },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.budgetProjects.totalCount ?? -1;
}

async function tallyOf(projectId: string): Promise<number> {
  const result = await platform.query<{ budgetProject: { votes: number } }>(
    `{ budgetProject(id: "${projectId}") { votes } }`,
  );
  return result.data?.budgetProject.votes ?? -1;
}

function castVote(input: Record<string, unknown>, key: string | null = OPERATOR_KEY) {
  return platform.query<{
    castVote: { replayed: boolean; vote: { id: string; edition: number; projects: { id: string }[] } };
  }>(
    'mutation ($input: CastVoteInput!) { castVote(input: $input) { replayed vote { id edition projects { id } } } }',
    { input },
    key ? { 'x-api-key': key } : {},
  );
}

describe('budget projects from the city export', () => {
  it('imports the 1,214 winning projects', async () => {
    expect(rows).toHaveLength(1214);
    expect(await total({})).toBe(1214);
  });

  it('filters by edition, theme, progress, scale, working-class neighbourhood and title', async () => {
    expect(await total({ edition: 2019 })).toBe(count((row) => row.Edition === '2019'));
    expect(await total({ edition: 2020 })).toBe(0);
    expect(await total({ theme: 'Environnement' })).toBe(
      count((row) => row['Thématique'] === 'Environnement'),
    );
    expect(await total({ progress: ['COMPLETED'] })).toBe(683);
    expect(await total({ progress: ['ABANDONED', 'NOT_STARTED'] })).toBe(47 + 51);
    expect(await total({ scale: 'PARIS_WIDE' })).toBe(
      count((row) => row['Echelle du Budget participatif'].endsWith('parisien')),
    );
    expect(await total({ workingClassNeighbourhood: true })).toBe(
      count((row) => row['Projet en Quartier populaire'] === 'Oui'),
    );
    expect(await total({ titleContains: 'gymnase' })).toBe(
      count((row) => row['Titre du projet lauréat'].toLowerCase().includes('gymnase')),
    );
    expect(await total({ titleContains: '100%' })).toBe(
      count((row) => row['Titre du projet lauréat'].includes('100%')),
    );
    expect(await total({ edition: 2016, arrondissement: 17, scale: 'ARRONDISSEMENT' })).toBe(
      count((row) => row.Edition === '2016' && row['Arrondissement du projet lauréat'] === '75017'),
    );
  });

  it('exposes the published fields of a project', async () => {
    const result = await platform.query<{ budgetProject: Record<string, unknown> }>(
      `{ budgetProject(id: "8689") { id title edition theme leadDepartment budgetEuros scale address postalCode
          workingClassNeighbourhood progress submittedIdeaUrl projectUrl provenance
          milestones { studiesStart proceduresStart worksStart plannedDelivery openedToPublic }
          editionInfo { year } arrondissement { code } arrondissements { code } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.budgetProject).toEqual({
      id: '8689',
      title: 'Suite de la restauration de la fontaine Louvois',
      edition: 2019,
      theme: 'Culture et patrimoine',
      leadDepartment: 'Direction des Affaires Culturelles',
      budgetEuros: 300000,
      scale: 'ARRONDISSEMENT',
      address: '69 bis, rue de Richelieu',
      postalCode: '75123',
      workingClassNeighbourhood: false,
      progress: 'COMPLETED',
      submittedIdeaUrl: 'https://decider.paris.fr/bp/jsp/site/Portal.jsp?page=idee&campagne=F&idee=000950',
      projectUrl: 'https://decider.paris.fr/bp/jsp/site/Portal.jsp?document_id=8689&portlet_id=158',
      provenance: 'OPEN_DATA',
      milestones: {
        studiesStart: '2020-01',
        proceduresStart: '2020-01',
        worksStart: '2020-05',
        plannedDelivery: '2020-12',
        openedToPublic: '2021-01',
      },
      editionInfo: { year: 2019 },
      arrondissement: null,
      arrondissements: [{ code: 1 }, { code: 2 }, { code: 3 }, { code: 4 }],
    });
  });

  it('counts a Paris Centre (75123) project in each of the 1st to 4th, and 75116 in the 16th', async () => {
    const parisCentre = count((row) => row['Arrondissement du projet lauréat'] === '75123');
    expect(parisCentre).toBeGreaterThan(0);
    expect(await total({ arrondissement: 3 })).toBe(
      count((row) => row['Arrondissement du projet lauréat'] === '75003') + parisCentre,
    );
    expect(await total({ arrondissement: 16 })).toBe(count((row) => codesOf(row).includes(16)));
    expect(await total({ arrondissement: 16 })).toBe(36 + 11);
  });

  it('walks an edition page by page, newest project first, each exactly once', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const result: { data?: { budgetProjects: Page<{ id: string; edition: number }> } } =
        await platform.query(
          'query ($after: String) { budgetProjects(first: 30, after: $after, filter: { edition: 2019 }) { totalCount edges { node { id edition } } pageInfo { hasNextPage endCursor } } }',
          { after },
        );
      const page = result.data?.budgetProjects as Page<{ id: string; edition: number }>;
      expect(page.totalCount).toBe(194);
      seen.push(...page.edges.map((edge) => Number(edge.node.id)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(194);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(194);
  });

  it('orders the whole list by edition, most recent first', async () => {
    const result = await platform.query<{ budgetProjects: Page<{ edition: number }> }>(
      '{ budgetProjects(first: 100) { edges { node { edition } } } }',
    );
    const editions = result.data?.budgetProjects.edges.map((edge) => edge.node.edition) ?? [];
    expect(editions[0]).toBe(2023);
    expect(editions).toEqual([...editions].sort((a, b) => b - a));
  });

  it('finds the projects filed at the 13th’s town hall with `near`', async () => {
    const hall = TOWN_HALLS[12];
    const atTownHall = (address: string) =>
      /^(1 place d italie|mairie du 13e( arrondissement)?)$/.test(normalizeAddress(address));
    const expected = count(
      (row) => atTownHall(row['Adresse du projet lauréat']) && codesOf(row).includes(13),
    );
    expect(expected).toBeGreaterThan(10);
    const result = await platform.query<{
      budgetProjects: Page<{ address: string; location: { latitude: number } }>;
    }>(
      `{ budgetProjects(first: 100, filter: { near: { latitude: ${hall.latitude}, longitude: ${hall.longitude}, radiusMeters: 100 } }) {
          totalCount edges { node { address location { latitude } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.budgetProjects.totalCount).toBe(expected);
    for (const edge of result.data?.budgetProjects.edges ?? [])
      expect(atTownHall(edge.node.address)).toBe(true);
  });

  it('places every town hall inside its own arrondissement’s official boundary', async () => {
    const halls = [...TOWN_HALLS, { ...HOTEL_DE_VILLE, arrondissement: 4 }];
    const found: (number | undefined)[] = [];
    // Two operations: the gateway allows 15 aliases per operation.
    for (const batch of [halls.slice(0, 11), halls.slice(11)]) {
      const query = batch
        .map(
          (hall, index) =>
            `h${index}: arrondissementAt(latitude: ${hall.latitude}, longitude: ${hall.longitude}) { code }`,
        )
        .join('\n');
      const result = await platform.query<Record<string, { code: number } | null>>(`{ ${query} }`);
      expect(result.errors).toBeUndefined();
      found.push(...batch.map((_, index) => result.data?.[`h${index}`]?.code));
    }
    expect(found).toEqual(halls.map((hall) => hall.arrondissement));
  });

  it('joins projects of the 17th to the territory and to the building they renovate', async () => {
    const result = await platform.query<{
      budgetProjects: Page<{
        title: string | null;
        arrondissement: { code: number; name: string };
        building: { id: string } | null;
      }>;
    }>(
      '{ budgetProjects(first: 100, filter: { arrondissement: 17 }) { edges { node { title arrondissement { code name } building { id } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.budgetProjects.edges.map((edge) => edge.node) ?? [];
    expect(nodes).toHaveLength(100);
    for (const node of nodes) expect(node.arrondissement).toEqual({ code: 17, name: '17ème Ardt' });
    const linked = nodes.filter((node) => node.building !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const node of linked) {
      expect(node.building?.id).toMatch(/^BAT-17-00(0[1-9]|10)$/);
      expect(node.title).toMatch(
        /école|collège|lycée|gymnase|biblioth|médiathèque|piscine|conservatoire|crèche|ludothèque|centre|maison|mairie|marché|TEP/i,
      );
    }
  });

  it('gives each arrondissement its projects, batched, with the same counts as the root filter', async () => {
    const result = await platform.query<{
      arrondissements: { code: number; budgetProjects: Page<{ id: string }> }[];
    }>(
      '{ arrondissements { code budgetProjects(first: 3) { totalCount edges { node { id } } pageInfo { hasNextPage } } } }',
    );
    expect(result.errors).toBeUndefined();
    const arrondissements = result.data?.arrondissements ?? [];
    expect(arrondissements).toHaveLength(20);
    for (const arrondissement of arrondissements) {
      expect(arrondissement.budgetProjects.totalCount).toBe(
        count((row) => codesOf(row).includes(arrondissement.code)),
      );
      expect(arrondissement.budgetProjects.edges).toHaveLength(3);
    }
    const third = arrondissements[2].budgetProjects.edges.map((edge) => edge.node.id);
    const root = await platform.query<{ budgetProjects: Page<{ id: string }> }>(
      '{ budgetProjects(first: 3, filter: { arrondissement: 3 }) { edges { node { id } } } }',
    );
    expect(third).toEqual(root.data?.budgetProjects.edges.map((edge) => edge.node.id));
  });

  it('answers bad arguments with BAD_USER_INPUT', async () => {
    const cases = [
      '{ budgetProjects(filter: { arrondissement: 21 }) { totalCount } }',
      '{ budgetProjects(first: 101) { totalCount } }',
      '{ budgetProjects(after: "not-a-cursor") { totalCount } }',
      '{ budgetProjects(filter: { near: { latitude: 48.85, longitude: 2.35, radiusMeters: 0 } }) { totalCount } }',
      '{ arrondissement(code: 17) { budgetProjects(first: 500) { totalCount } } }',
      '{ voteTally(edition: 2019, first: -1) { votes } }',
    ];
    for (const query of cases) {
      const result = await platform.query(query);
      expect(result.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });

  it('sends the same number of SQL statements whatever the page size', async () => {
    const statements = async (size: number) => {
      sqlStatementCounter.reset();
      const result = await platform.query(
        `{ budgetProjects(first: ${size}) { edges { node { id votes editionInfo { year totals { projectCount } votes { ballots } } } } }
           arrondissements { budgetProjects(first: ${size}) { totalCount edges { node { id votes } } } }
           budgetEditions { projects(first: ${size}) { edges { node { id } } } voteTally(first: ${size}) { votes project { title } } } }`,
      );
      expect(result.errors).toBeUndefined();
      return sqlStatementCounter.bySchema.get('budget') ?? 0;
    };
    const small = await statements(2);
    expect(small).toBeGreaterThan(0);
    expect(await statements(25)).toBe(small);
  });
  it('exports the projects as CSV with the GraphQL filter names', async () => {
    // The budget service's own export route (the gateway's /datasets route forwards to it).
    const response = await exportFromSubgraph(
      platform,
      'budget',
      'budget-projects',
      'arrondissement=3&edition=2019',
    );
    expect(response.status).toBe(200);
    const exported = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const expected = rows.filter((row) => row.Edition === '2019' && codesOf(row).includes(3));
    expect(expected.length).toBeGreaterThan(0);
    expect(exported.map((row) => Number(row.id)).sort()).toEqual(
      expected.map((row) => Number(row['Identifiant du projet lauréat'])).sort(),
    );
  });
});

describe('editions and votes', () => {
  it('lists the nine editions with totals that add up to the export', async () => {
    const result = await platform.query<{
      budgetEditions: {
        year: number;
        totals: { projectCount: number; budgetEuros: number };
        votes: { ballots: number; generatedBallots: number };
      }[];
    }>('{ budgetEditions { year totals { projectCount budgetEuros } votes { ballots generatedBallots } } }');
    expect(result.errors).toBeUndefined();
    const editions = result.data?.budgetEditions ?? [];
    expect(editions.map((edition) => edition.year)).toEqual([
      2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023,
    ]);
    expect(editions.reduce((sum, edition) => sum + edition.totals.projectCount, 0)).toBe(1214);
    const budget = rows.reduce((sum, row) => sum + Number(row['Budget global du projet lauréat']), 0);
    expect(editions.reduce((sum, edition) => sum + edition.totals.budgetEuros, 0)).toBe(budget);
    for (const edition of editions) {
      expect(edition.totals.projectCount).toBe(count((row) => Number(row.Edition) === edition.year));
      expect(edition.votes.generatedBallots).toBe(1000);
    }
  });

  it('ranks an edition’s projects by votes, consistently with each project’s count', async () => {
    const result = await platform.query<{
      voteTally: {
        projectId: string;
        votes: number;
        project: { id: string; votes: number; edition: number };
      }[];
    }>('{ voteTally(edition: 2019, first: 10) { projectId votes project { id votes edition } } }');
    expect(result.errors).toBeUndefined();
    const tally = result.data?.voteTally ?? [];
    expect(tally).toHaveLength(10);
    expect(tally.map((entry) => entry.votes)).toEqual(
      [...tally.map((entry) => entry.votes)].sort((a, b) => b - a),
    );
    for (const entry of tally) {
      expect(entry.project).toMatchObject({ id: entry.projectId, votes: entry.votes, edition: 2019 });
    }
    expect(tally[0].votes).toBeGreaterThan(tally[9].votes);
  });

  it('refuses a ballot from anyone but an operator', async () => {
    const [project] = await projectsOf(2018, 'ARRONDISSEMENT', 1);
    const before = await tallyOf(project);
    const result = await castVote(
      { voteId: 'anonymous-1', citizenId: 'c-anonymous', edition: 2018, projectIds: [project] },
      null,
    );
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await tallyOf(project)).toBe(before);
  });

  it('records a ballot once: retries replay it, a second ballot of the citizen conflicts', async () => {
    const projects = await projectsOf(2019, 'ARRONDISSEMENT', 2);
    const before = await Promise.all(projects.map(tallyOf));
    const ballot = {
      voteId: 'ballot-test-1',
      citizenId: 'citizen-test-1',
      edition: 2019,
      projectIds: projects,
    };
    const first = await castVote(ballot);
    expect(first.errors).toBeUndefined();
    expect(first.data?.castVote.replayed).toBe(false);
    expect(first.data?.castVote.vote.projects.map((project) => project.id).sort()).toEqual(
      [...projects].sort(),
    );
    expect(await Promise.all(projects.map(tallyOf))).toEqual(before.map((votes) => votes + 1));

    const retry = await castVote(ballot);
    expect(retry.data?.castVote).toMatchObject({
      replayed: true,
      vote: { id: 'ballot-test-1', edition: 2019 },
    });
    expect(await Promise.all(projects.map(tallyOf))).toEqual(before.map((votes) => votes + 1));

    const again = await castVote({ ...ballot, voteId: 'ballot-test-2' });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const altered = await castVote({ ...ballot, projectIds: [projects[0]] });
    expect(altered.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await Promise.all(projects.map(tallyOf))).toEqual(before.map((votes) => votes + 1));

    const summary = await platform.query<{
      budgetEdition: { votes: { castBallots: number; ballots: number } };
    }>('{ budgetEdition(year: 2019) { votes { castBallots ballots } } }');
    expect(summary.data?.budgetEdition.votes).toEqual({ castBallots: 1, ballots: 1001 });
  });

  it('counts concurrent retries of the same ballot once', async () => {
    const projects = await projectsOf(2017, 'ARRONDISSEMENT', 1);
    const before = await tallyOf(projects[0]);
    const ballot = {
      voteId: 'ballot-concurrent',
      citizenId: 'citizen-concurrent',
      edition: 2017,
      projectIds: projects,
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => castVote(ballot)));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(results.filter((result) => result.data?.castVote.replayed === false)).toHaveLength(1);
    expect(await tallyOf(projects[0])).toBe(before + 1);
  });

  it('rejects ballots naming projects of another edition, twice the same project, or too many', async () => {
    const [other] = await projectsOf(2015, 'ARRONDISSEMENT', 1);
    const local = await projectsOf(2016, 'ARRONDISSEMENT', 5);
    const cases = [
      { voteId: 'bad-1', citizenId: 'c-bad', edition: 2016, projectIds: [other] },
      { voteId: 'bad-2', citizenId: 'c-bad', edition: 2016, projectIds: [local[0], local[0]] },
      { voteId: 'bad-3', citizenId: 'c-bad', edition: 2016, projectIds: local },
      { voteId: 'bad-4', citizenId: 'c-bad', edition: 2020, projectIds: [local[0]] },
      { voteId: 'bad-5', citizenId: 'c-bad', edition: 2016, projectIds: [] },
    ];
    for (const input of cases) {
      const result = await castVote(input);
      expect(result.errors?.[0].extensions?.code, input.voteId).toBe('BAD_USER_INPUT');
    }
    const summary = await platform.query<{ budgetEdition: { votes: { castBallots: number } } }>(
      '{ budgetEdition(year: 2016) { votes { castBallots } } }',
    );
    expect(summary.data?.budgetEdition.votes.castBallots).toBe(0);
  });
});

async function projectsOf(edition: number, scale: string, size: number): Promise<string[]> {
  const result = await platform.query<{ budgetProjects: Page<{ id: string }> }>(
    `{ budgetProjects(first: ${size}, filter: { edition: ${edition}, scale: ${scale} }) { edges { node { id } } } }`,
  );
  const ids = result.data?.budgetProjects.edges.map((edge) => edge.node.id) ?? [];
  expect(ids).toHaveLength(size);
  return ids;
}
