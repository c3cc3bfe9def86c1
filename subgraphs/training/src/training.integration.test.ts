import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatementCounter } from '#test/sql-statements';
import { ANONYMOUS, encodeIdentity, IDENTITY_HEADER } from '#platform/identity';
import { generateTraining, type TrainingRows } from '#datasets/training/generate';
import { TEST_SEED } from '#test/global-setup';
import { exportFromSubgraph, startTestPlatform, type TestPlatform } from '#test/platform';
import { type Page, metresBetween } from '#test/fixtures';

interface CourseNode {
  id: string;
  title: string;
  year: number;
  skillDomain: string;
  arrondissement: { code: number; name?: string };
  location: { latitude: number; longitude: number };
}

let platform: TestPlatform;
/** What global-setup seeded: the generator is deterministic, so the same call gives the same rows. */
let expected: TrainingRows;

beforeAll(async () => {
  platform = await startTestPlatform(['territory', 'training', 'datacity']);
  expected = generateTraining({ seed: TEST_SEED, scale: 1 });
});
afterAll(() => platform?.stop());

async function coursePage(variables: Record<string, unknown>): Promise<{
  page?: Page<CourseNode>;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}> {
  const result = await platform.query<{ trainingCourses: Page<CourseNode> }>(
    `query ($first: Int, $after: String, $filter: TrainingCourseFilter) {
      trainingCourses(first: $first, after: $after, filter: $filter) {
        totalCount
        edges { cursor node { id title year skillDomain arrondissement { code } location { latitude longitude } } }
        pageInfo { hasNextPage endCursor }
      }
    }`,
    variables,
  );
  return { page: result.data?.trainingCourses, errors: result.errors };
}

/** Every course the filter keeps, reading page after page. */
async function allCourses(
  filter: Record<string, unknown>,
): Promise<{ totalCount: number; nodes: CourseNode[] }> {
  const nodes: CourseNode[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let guard = 0; guard < 50; guard += 1) {
    const { page, errors } = await coursePage({ first: 100, after, filter });
    expect(errors).toBeUndefined();
    totalCount = page!.totalCount;
    nodes.push(...page!.edges.map((edge) => edge.node));
    if (!page!.pageInfo.hasNextPage) break;
    after = page!.pageInfo.endCursor;
  }
  return { totalCount, nodes };
}

describe('trainingCourses', () => {
  it('pages through every generated course once, in id order, with the contract shape', async () => {
    const { totalCount, nodes } = await allCourses({});
    expect(totalCount).toBe(expected.courses.length);
    expect(totalCount).toBeGreaterThan(200);
    expect(nodes.map((node) => node.id)).toEqual(expected.courses.map((course) => course.id).sort());
    const first = expected.courses[0];
    expect(nodes[0]).toMatchObject({
      id: first.id,
      title: first.title,
      year: first.year,
      skillDomain: first.skillDomain,
      arrondissement: { code: first.arrondissementCode },
      location: { latitude: first.latitude, longitude: first.longitude },
    });
  });

  it('filters by arrondissement and reaches the territory subgraph for its name', async () => {
    const code = expected.courses[0].arrondissementCode;
    const result = await platform.query<{
      trainingCourses: Page<{ arrondissement: { code: number; name: string } }>;
    }>(
      `query ($code: Int!) { trainingCourses(first: 100, filter: { arrondissement: $code }) {
        totalCount edges { node { arrondissement { code name } } } } }`,
      { code },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data!.trainingCourses;
    expect(page.totalCount).toBe(
      expected.courses.filter((course) => course.arrondissementCode === code).length,
    );
    expect(page.totalCount).toBeGreaterThan(0);
    for (const edge of page.edges)
      expect(edge.node.arrondissement).toEqual({ code, name: expect.stringMatching(/Ardt/) });
  });

  it('keeps the courses within a radius, exactly those the great-circle distance keeps', async () => {
    const centre = { latitude: 48.8719, longitude: 2.3766, radiusMeters: 1500 };
    const { totalCount, nodes } = await allCourses({ near: centre });
    const inside = expected.courses.filter(
      (course) => metresBetween(centre, course) <= centre.radiusMeters - 1,
    );
    const outside = expected.courses.filter(
      (course) => metresBetween(centre, course) > centre.radiusMeters + 1,
    );
    expect(totalCount).toBeGreaterThan(0);
    expect(totalCount).toBeLessThan(expected.courses.length);
    for (const course of inside) expect(nodes.map((node) => node.id)).toContain(course.id);
    for (const course of outside) expect(nodes.map((node) => node.id)).not.toContain(course.id);
  });

  it('combines the year, domain, format, audience, provider, sponsor and title filters', async () => {
    const sample = expected.courses[10];
    const cases: [Record<string, unknown>, (course: (typeof expected.courses)[number]) => boolean][] = [
      [{ year: 2018 }, (course) => course.year === 2018],
      [
        { skillDomain: 'DATA', format: sample.format },
        (course) => course.skillDomain === 'DATA' && course.format === sample.format,
      ],
      [{ audience: 'WOMEN' }, (course) => course.priorityAudiences.includes('WOMEN' as never)],
      [
        { provider: sample.providerId, year: sample.year },
        (course) => course.providerId === sample.providerId && course.year === sample.year,
      ],
      [
        { sponsor: expected.sponsorships[0].sponsorId },
        (course) =>
          expected.sponsorships.some(
            (s) => s.sponsorId === expected.sponsorships[0].sponsorId && s.courseId === course.id,
          ),
      ],
      // French full text: both words, any case; such a list comes by relevance (compared as sets).
      [{ search: 'data ANALYST' }, (course) => course.title === 'Data analyst'],
    ];
    for (const [filter, keep] of cases) {
      const { totalCount, nodes } = await allCourses(filter);
      const wanted = expected.courses
        .filter(keep)
        .map((course) => course.id)
        .sort();
      expect(wanted.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(totalCount, JSON.stringify(filter)).toBe(wanted.length);
      expect(nodes.map((node) => node.id).sort()).toEqual(wanted);
    }
  });

  it('answers bad arguments with BAD_USER_INPUT naming the problem', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ filter: { arrondissement: 21 } }, /1 to 20/],
      [{ filter: { year: 17 } }, /year/],
      [{ filter: { near: { latitude: 48.86, longitude: 2.35, radiusMeters: 0 } } }, /radiusMeters/],
      [{ first: 101 }, /must not exceed 100/],
      [{ after: 'not-a-cursor' }, /not a cursor/],
    ];
    for (const [variables, message] of cases) {
      const { errors } = await coursePage(variables);
      expect(errors?.[0].extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(errors?.[0].message).toMatch(message);
    }
  });

  it('resolves provider, call, cohorts and sponsors of a course as generated', async () => {
    const course = expected.courses.find((entry) =>
      expected.sponsorships.some((s) => s.courseId === entry.id),
    )!;
    const result = await platform.query<{
      trainingCourse: {
        provider: { id: string; kind: string };
        callForProjects: { year: number };
        cohorts: { id: string; enrolled: number; successRate: number }[];
        trainees: number;
        sponsorships: { amountEuros: number; sponsor: { id: string } }[];
      };
    }>(
      `query ($id: ID!) { trainingCourse(id: $id) {
        provider { id kind } callForProjects { year } trainees
        cohorts { id enrolled successRate } sponsorships { amountEuros sponsor { id } } } }`,
      { id: course.id },
    );
    expect(result.errors).toBeUndefined();
    const found = result.data!.trainingCourse;
    expect(found.provider.id).toBe(course.providerId);
    expect(found.callForProjects.year).toBe(course.year);
    const cohorts = expected.cohorts.filter((cohort) => cohort.courseId === course.id);
    expect(found.cohorts.map((cohort) => cohort.id)).toEqual(cohorts.map((cohort) => cohort.id));
    expect(found.trainees).toBe(cohorts.reduce((sum, cohort) => sum + cohort.enrolled, 0));
    expect(found.sponsorships.map((s) => s.sponsor.id).sort()).toEqual(
      expected.sponsorships
        .filter((s) => s.courseId === course.id)
        .map((s) => s.sponsorId)
        .sort(),
    );
  });

  it('costs the same SQL statements for a page of 3 and a page of 25, nested fields included', async () => {
    // Kept under the gateway's cost limit (5,000) with the larger page.
    const query = `query ($first: Int) { trainingCourses(first: $first) { totalCount edges { node {
      id provider { name } callForProjects { placesFunded } arrondissement { code }
      cohorts { successRate hires { trainees } } sponsors { amountEuros startup { id } } } } } }`;
    const counts: number[] = [];
    for (const first of [3, 25]) {
      sqlStatementCounter.reset();
      const result = await platform.query<{ trainingCourses: Page<unknown> }>(query, { first });
      expect(result.errors).toBeUndefined();
      expect(result.data!.trainingCourses.edges).toHaveLength(first);
      counts.push(sqlStatementCounter.bySchema.get('training') ?? 0);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('Arrondissement.trainingCourses', () => {
  it("pages each arrondissement's courses in three statements for all twenty", async () => {
    sqlStatementCounter.reset();
    const result = await platform.query<{
      arrondissements: { code: number; trainingCourses: Page<{ id: string }> }[];
    }>(
      '{ arrondissements { code trainingCourses(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(sqlStatementCounter.bySchema.get('training')).toBe(3);
    for (const arrondissement of result.data!.arrondissements) {
      const own = expected.courses.filter((course) => course.arrondissementCode === arrondissement.code);
      expect(arrondissement.trainingCourses.totalCount).toBe(own.length);
      expect(arrondissement.trainingCourses.edges.map((edge) => edge.node.id)).toEqual(
        own
          .map((course) => course.id)
          .sort()
          .slice(0, 2),
      );
      expect(arrondissement.trainingCourses.pageInfo.hasNextPage).toBe(own.length > 2);
    }
  });

  it('applies the filter and the cursor per arrondissement', async () => {
    const code = expected.courses[0].arrondissementCode;
    const own = expected.courses.filter(
      (course) => course.arrondissementCode === code && course.year === 2019,
    );
    const first = await platform.query<{ arrondissement: { trainingCourses: Page<{ id: string }> } }>(
      `query ($code: Int!) { arrondissement(code: $code) { trainingCourses(first: 1, filter: { year: 2019 }) {
        totalCount edges { node { id } } pageInfo { endCursor } } } }`,
      { code },
    );
    const page = first.data!.arrondissement.trainingCourses;
    expect(page.totalCount).toBe(own.length);
    const rest = await platform.query<{ arrondissement: { trainingCourses: Page<{ id: string }> } }>(
      `query ($code: Int!, $after: String) { arrondissement(code: $code) {
        trainingCourses(first: 100, after: $after, filter: { year: 2019 }) { edges { node { id } } } } }`,
      { code, after: page.pageInfo.endCursor },
    );
    expect(
      [...page.edges, ...rest.data!.arrondissement.trainingCourses.edges].map((edge) => edge.node.id),
    ).toEqual(own.map((course) => course.id).sort());
  });
});

describe('ParisCode figures', () => {
  it("funds the brochure's places with a €1 M call a year: about 3,000 in 2016–2018, 1,300 in 2019", async () => {
    const result = await platform.query<{
      trainingCallsForProjects: {
        year: number;
        budgetEuros: number;
        placesFunded: number;
        courses: { totalCount: number };
      }[];
    }>('{ trainingCallsForProjects { year budgetEuros placesFunded courses(first: 0) { totalCount } } }');
    expect(result.errors).toBeUndefined();
    const calls = result.data!.trainingCallsForProjects;
    expect(calls.map((call) => call.year)).toEqual([2016, 2017, 2018, 2019]);
    expect(calls.slice(0, 3).reduce((sum, call) => sum + call.placesFunded, 0)).toBe(3000);
    expect(calls[3].placesFunded).toBe(1300);
    for (const call of calls) {
      expect(call.budgetEuros).toBe(1_000_000);
      const funded = expected.courses.filter((course) => course.year === call.year);
      expect(call.courses.totalCount).toBe(funded.length);
      expect(funded.reduce((sum, course) => sum + course.fundingEuros, 0)).toBe(call.budgetEuros);
    }
  });

  it('reports about 1,000 trainees a year and a 75–100 % success rate per year', async () => {
    const result = await platform.query<{
      trainingOutcomes: {
        year: number;
        trainees: number;
        completed: number;
        employedWithin6Months: number;
        furtherStudies: number;
        successRate: number;
        employmentRate: number;
      }[];
    }>(
      '{ trainingOutcomes { year trainees completed employedWithin6Months furtherStudies successRate employmentRate } }',
    );
    expect(result.errors).toBeUndefined();
    const outcomes = result.data!.trainingOutcomes;
    expect(outcomes.map((outcome) => outcome.year)).toEqual([2016, 2017, 2018, 2019]);
    for (const outcome of outcomes) {
      const cohorts = expected.cohorts.filter((cohort) => cohort.year === outcome.year);
      expect(outcome.trainees).toBe(cohorts.reduce((sum, cohort) => sum + cohort.enrolled, 0));
      expect(outcome.trainees).toBeGreaterThan(800);
      expect(outcome.trainees).toBeLessThan(1300);
      expect(outcome.successRate).toBeCloseTo(
        (outcome.employedWithin6Months + outcome.furtherStudies) / outcome.completed,
        10,
      );
      expect(outcome.successRate).toBeGreaterThanOrEqual(0.75);
      expect(outcome.successRate).toBeLessThanOrEqual(1);
      expect(outcome.employmentRate).toBeLessThan(outcome.successRate);
    }
    const one = await platform.query<{ trainingOutcomes: { year: number; trainees: number }[] }>(
      '{ trainingOutcomes(year: 2017, filter: { skillDomain: WEB_DEVELOPMENT }) { year trainees } }',
    );
    const web = expected.courses.filter(
      (course) => course.year === 2017 && course.skillDomain === 'WEB_DEVELOPMENT',
    );
    expect(one.data!.trainingOutcomes).toEqual([
      {
        year: 2017,
        trainees: expected.cohorts
          .filter((cohort) => web.some((course) => course.id === cohort.courseId))
          .reduce((sum, cohort) => sum + cohort.enrolled, 0),
      },
    ]);
    const bad = await platform.query('{ trainingOutcomes(year: 99999) { year } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('adds up €1.3 M of sponsorship, start-ups linked to their DataCity record', async () => {
    const result = await platform.query<{
      trainingSponsors: Page<{
        id: string;
        kind: string;
        amountEuros: number;
        startup: { id: string } | null;
      }>;
    }>(
      '{ trainingSponsors(first: 100) { totalCount edges { node { id kind amountEuros startup { id } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const sponsors = result.data!.trainingSponsors;
    expect(sponsors.totalCount).toBe(expected.sponsors.length);
    expect(sponsors.edges.reduce((sum, edge) => sum + edge.node.amountEuros, 0)).toBe(1_300_000);
    const startups = sponsors.edges.filter((edge) => edge.node.kind === 'STARTUP');
    expect(startups.length).toBeGreaterThan(0);
    for (const edge of sponsors.edges) {
      expect(edge.node.startup === null).toBe(edge.node.kind !== 'STARTUP');
      if (edge.node.startup)
        expect(Number(edge.node.startup.id.slice('startup-'.length))).toBeLessThanOrEqual(60);
    }
  });

  it('extends Startup with the courses it sponsors and the trainees it hired', async () => {
    const sponsor = expected.sponsors.find((entry) => entry.startupId !== null)!;
    const result = await platform.query<{
      trainingSponsors: Page<{
        startup: { id: string; sponsoredCourses: { id: string }[]; traineesHired: number };
      }>;
    }>(
      `query ($startup: ID!) { trainingSponsors(filter: { startup: $startup }) {
        edges { node { startup { id sponsoredCourses { id } traineesHired } } } } }`,
      { startup: sponsor.startupId },
    );
    expect(result.errors).toBeUndefined();
    const startup = result.data!.trainingSponsors.edges[0].node.startup;
    expect(startup.id).toBe(sponsor.startupId);
    expect(startup.sponsoredCourses.map((course) => course.id)).toEqual(
      expected.sponsorships
        .filter((s) => s.sponsorId === sponsor.id)
        .map((s) => s.courseId)
        .sort(),
    );
    const hired = expected.hires
      .filter((hire) => hire.startupId === sponsor.startupId)
      .reduce((sum, hire) => sum + hire.trainees, 0);
    expect(startup.traineesHired).toBe(hired);
  });

  it.runIf(
    process.env.OCG_TEST_SUBGRAPHS === undefined || process.env.OCG_TEST_SUBGRAPHS.includes('datacity'),
  )('joins DataCity start-ups to their ParisCode sponsoring and hiring', async () => {
    const result = await platform.query<{
      startups: Page<{ id: string; name: string; sponsoredCourses: { id: string }[]; traineesHired: number }>;
    }>('{ startups(first: 100) { edges { node { id name sponsoredCourses { id } traineesHired } } } }');
    expect(result.errors).toBeUndefined();
    const hires = new Map<string, number>();
    for (const hire of expected.hires)
      hires.set(hire.startupId, (hires.get(hire.startupId) ?? 0) + hire.trainees);
    for (const { node } of result.data!.startups.edges)
      expect(node.traineesHired).toBe(hires.get(node.id) ?? 0);
    expect(result.data!.startups.edges.some((edge) => edge.node.sponsoredCourses.length > 0)).toBe(true);
  });
});

describe('federation', () => {
  it('resolves TrainingCourse, cohort, provider, sponsor and call references in one statement each', async () => {
    const training = platform.subgraphs.find((subgraph) => subgraph.name === 'training')!;
    const representations = [
      ...expected.courses.slice(0, 30).map((course) => ({ __typename: 'TrainingCourse', id: course.id })),
      { __typename: 'TrainingCohort', id: expected.cohorts[0].id },
      { __typename: 'TrainingProvider', id: expected.providers[0].id },
      { __typename: 'TrainingSponsor', id: expected.sponsors[0].id },
      { __typename: 'TrainingCallForProjects', year: 2019 },
      { __typename: 'TrainingCourse', id: 'PC-1999-0001' },
    ];
    sqlStatementCounter.reset();
    const response = await fetch(training.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: encodeIdentity(ANONYMOUS, platform.gatewaySecret),
      },
      body: JSON.stringify({
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on TrainingCourse { title } ... on TrainingCohort { enrolled } ... on TrainingProvider { name }
          ... on TrainingSponsor { name } ... on TrainingCallForProjects { title } } }`,
        variables: { representations },
      }),
    });
    const body = (await response.json()) as { data: { _entities: (Record<string, unknown> | null)[] } };
    expect(body.data._entities.slice(0, 30).map((entity) => entity?.title)).toEqual(
      expected.courses.slice(0, 30).map((course) => course.title),
    );
    expect(body.data._entities.slice(30, 35)).toEqual([
      { enrolled: expected.cohorts[0].enrolled },
      { name: expected.providers[0].name },
      { name: expected.sponsors[0].name },
      { title: 'Appel à projets ParisCode 2019' },
      null,
    ]);
    expect(sqlStatementCounter.bySchema.get('training')).toBe(5);
  });
});

describe('the training-courses dataset', () => {
  const exportCourses = (query: string, format = 'csv') =>
    exportFromSubgraph(platform, 'training', 'training-courses', query, format);

  it("exports the courses as CSV with the GraphQL filter names and their cohorts' outcomes", async () => {
    const code = expected.courses[0].arrondissementCode;
    const response = await exportCourses(`arrondissement=${code}&year=2017`);
    expect(response.status).toBe(200);
    const exported = parse((await response.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    const wanted = expected.courses.filter(
      (course) => course.arrondissementCode === code && course.year === 2017,
    );
    expect(wanted.length).toBeGreaterThan(0);
    expect(exported.map((row) => row.id)).toEqual(wanted.map((course) => course.id).sort());
    for (const row of exported) {
      const cohorts = expected.cohorts.filter((cohort) => cohort.courseId === row.id);
      expect(Number(row.enrolled)).toBe(cohorts.reduce((sum, cohort) => sum + cohort.enrolled, 0));
      expect(Number(row.employed_within_6_months)).toBe(
        cohorts.reduce((sum, cohort) => sum + cohort.employedWithin6Months, 0),
      );
    }
  });

  it('refuses the parameters the GraphQL filter would refuse', async () => {
    for (const query of ['arrondissement=21', 'year=17']) {
      const response = await exportCourses(query);
      expect(response.status, query).toBe(400);
    }
  });
});
