import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { eventually, metricsOf, operator, OPERATOR_KEY, Recorder, wsClient } from '#test/live-clients';

/** Volunteers sign in with a JWT whose subject is their volunteer id: an HS256 secret stands in for the city's IdP. */
const JWT_SECRET = 'civic-subscriptions-test-secret-of-32-bytes!';

let platform: TestPlatform;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'budget', 'mobility'], { jwt: { secret: JWT_SECRET } });
});

afterAll(async () => {
  await platform?.stop();
});

async function bearer(claims: { sub: string; roles: string[] }): Promise<Record<string, string>> {
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));
  return { authorization: `Bearer ${token}` };
}

function upstreams(): number {
  return metricsOf(platform.gateway).upstreamSubscriptions;
}

/** Lets the gateway open its `count` new upstream subscriptions before the change is made. */
async function subscribed(baseline: number, count: number): Promise<void> {
  await eventually(() => upstreams() >= baseline + count);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

function errorsOf(recorder: Recorder): { message: string; extensions?: { code?: string } }[] {
  return (Array.isArray(recorder.error) ? recorder.error : (recorder.results[0]?.errors ?? [])) as {
    message: string;
    extensions?: { code?: string };
  }[];
}

describe('voteTallyChanged', () => {
  // Edition 2023: the budget subgraph's own tests count the ballots cast in 2017-2019.
  it('brings the new count of each project a cast ballot chose, and nothing on a replay', async () => {
    const projects = await platform.query<{
      budgetProjects: { edges: { node: { id: string; votes: number } }[] };
    }>(
      '{ budgetProjects(first: 1, filter: { edition: 2023, scale: ARRONDISSEMENT }) { edges { node { id votes } } } }',
    );
    expect(projects.errors).toBeUndefined();
    const [{ node: project }] = projects.data!.budgetProjects.edges;

    const baseline = upstreams();
    const client = wsClient(platform.gateway);
    const recorder = new Recorder<{
      voteTallyChanged: {
        eventId: string;
        edition: number;
        votes: number;
        project: { id: string; votes: number };
      };
    }>(
      client,
      'subscription ($projectId: ID) { voteTallyChanged(edition: 2023, projectId: $projectId) { eventId edition votes project { id votes } } }',
      { projectId: project.id },
    );
    await subscribed(baseline, 1);
    const ballot = {
      voteId: `civic-${process.pid}-${Date.now()}`,
      citizenId: `civic-citizen-${process.pid}-${Date.now()}`,
      edition: 2023,
      projectIds: [project.id],
    };
    const castVote = 'mutation ($input: CastVoteInput!) { castVote(input: $input) { replayed } }';
    const cast = await platform.query(castVote, { input: ballot }, operator);
    expect(cast.errors).toBeUndefined();
    await recorder.waitFor(1);
    const replay = await platform.query<{ castVote: { replayed: boolean } }>(
      castVote,
      { input: ballot },
      operator,
    );
    expect(replay.data?.castVote.replayed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(recorder.results.map((result) => result.errors)).toEqual([undefined]);
    expect(recorder.data[0].voteTallyChanged).toEqual({
      eventId: expect.stringMatching(/^\d+$/),
      edition: 2023,
      votes: project.votes + 1,
      project: { id: project.id, votes: project.votes + 1 },
    });
    recorder.close();
    await client.dispose();
  });

  it('answers a project id that is not one with BAD_USER_INPUT', async () => {
    const recorder = new Recorder(
      wsClient(platform.gateway),
      'subscription { voteTallyChanged(edition: 2023, projectId: "not-a-project") { eventId } }',
    );
    await recorder.waitFor(1);
    recorder.close();
    expect(errorsOf(recorder)[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('accompaniment requests', () => {
  /** Near the Hôtel de Ville (4th arrondissement). */
  const pickup = { arrondissement: 4, latitude: 48.85661, longitude: 2.35222 };
  let requests = 0;

  async function openRequest(): Promise<string> {
    requests += 1;
    const result = await platform.query<{ requestAccompaniment: { id: string } }>(
      'mutation ($input: RequestAccompanimentInput!) { requestAccompaniment(input: $input) { id } }',
      {
        input: {
          clientRequestId: `civic-${process.pid}-${Date.now()}-${requests}`,
          beneficiaryId: 'BEN-00010',
          purpose: 'CULTURE',
          requestedFor: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          pickup,
        },
      },
      operator,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.requestAccompaniment.id;
  }

  const OPENED = `subscription ($near: NearInput!) { accompanimentRequestOpened(near: $near) {
    eventId status request { id status approximateLocation { latitude longitude } } } }`;

  type Opened = {
    accompanimentRequestOpened: {
      eventId: string;
      status: string;
      request: { id: string; status: string; approximateLocation: { latitude: number; longitude: number } };
    };
  };

  it('reaches a volunteer near it with the approximate location only, and not one far away', async () => {
    const volunteer = await bearer({ sub: 'VOL-0001', roles: ['volunteer'] });
    const baseline = upstreams();
    const near = new Recorder<Opened>(wsClient(platform.gateway, volunteer), OPENED, {
      near: { latitude: 48.857, longitude: 2.352, radiusMeters: 1000 },
    });
    const far = new Recorder<Opened>(wsClient(platform.gateway, volunteer), OPENED, {
      near: { latitude: 48.89, longitude: 2.25, radiusMeters: 1000 },
    });
    const personal = new Recorder<{
      accompanimentRequestOpened: { request: Record<string, unknown> | null };
    }>(
      wsClient(platform.gateway, volunteer),
      `subscription ($near: NearInput!) { accompanimentRequestOpened(near: $near) {
        request { id location { latitude longitude } beneficiary { givenName phone } clientRequestId } } }`,
      { near: { latitude: 48.857, longitude: 2.352, radiusMeters: 1000 } },
    );
    await subscribed(baseline, 3);
    const id = await openRequest();
    await near.waitFor(1);
    await personal.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(near.results.map((result) => result.errors)).toEqual([undefined]);
    const event = near.data[0].accompanimentRequestOpened;
    expect(event).toMatchObject({ status: 'OPEN', request: { id, status: 'OPEN' } });
    expect(event.request.approximateLocation).not.toEqual({
      latitude: pickup.latitude,
      longitude: pickup.longitude,
    });
    expect(Math.abs(event.request.approximateLocation.latitude - pickup.latitude)).toBeLessThan(0.002);
    expect(far.results).toEqual([]);

    // The field-level rules of AccompanimentRequest hold in a subscription payload too: the
    // personal fields are null, with a FORBIDDEN error for each.
    const beneficiary = await platform.query<{ beneficiary: { givenName: string; phone: string } }>(
      '{ beneficiary(id: "BEN-00010") { givenName phone } }',
      {},
      operator,
    );
    expect(beneficiary.data?.beneficiary.phone).toBeTruthy();
    const [withPersonal] = personal.results;
    expect(withPersonal.data?.accompanimentRequestOpened.request).toEqual({
      id,
      location: null,
      beneficiary: null,
      clientRequestId: null,
    });
    expect(withPersonal.errors?.map((error) => error.extensions?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    const sent = JSON.stringify(withPersonal);
    for (const secret of [
      beneficiary.data!.beneficiary.phone,
      beneficiary.data!.beneficiary.givenName,
      String(pickup.latitude),
      String(pickup.longitude),
    ])
      expect(sent).not.toContain(secret);

    for (const recorder of [near, far, personal]) recorder.close();
  });

  it('refuses anonymous subscribers with FORBIDDEN', async () => {
    const opened = new Recorder(wsClient(platform.gateway), OPENED, {
      near: { latitude: 48.857, longitude: 2.352, radiusMeters: 1000 },
    });
    const changed = new Recorder(
      wsClient(platform.gateway),
      'subscription { accompanimentRequestChanged { eventId status } }',
    );
    await opened.waitFor(1);
    await changed.waitFor(1);
    for (const recorder of [opened, changed]) {
      recorder.close();
      expect(errorsOf(recorder).map((error) => error.extensions?.code)).toContain('FORBIDDEN');
      expect(recorder.data.every((data) => Object.values(data).every((value) => value === null))).toBe(true);
    }
  });

  it('reaches an operator with every step, and a volunteer with their own mission only', async () => {
    const volunteers = await platform.query<{ volunteers: { edges: { node: { id: string } }[] } }>(
      '{ volunteers(first: 100, filter: { active: true }) { edges { node { id } } } }',
      {},
      operator,
    );
    expect(volunteers.errors).toBeUndefined();
    // The highest id of 100 is not among the 50 lowest, which the mobility subgraph's tests
    // (running alongside) give missions to: this volunteer's stream holds only this test's steps.
    const ids = volunteers.data!.volunteers.edges.map((edge) => edge.node.id).sort();
    expect(ids.length).toBeGreaterThan(50);
    const mine = { id: ids[ids.length - 1] };
    const id = await openRequest();
    const other = await openRequest();

    type Changed = {
      accompanimentRequestChanged: { status: string; request: { id: string; status: string } | null };
    };
    const CHANGED = `subscription ($requestId: ID) { accompanimentRequestChanged(requestId: $requestId) {
      eventId status request { id status } } }`;
    const baseline = upstreams();
    const operatorClient = wsClient(platform.gateway, operator);
    const forOperator = new Recorder<Changed>(operatorClient, CHANGED, { requestId: id });
    const volunteerClient = wsClient(platform.gateway, await bearer({ sub: mine.id, roles: ['volunteer'] }));
    const forVolunteer = new Recorder<Changed>(volunteerClient, CHANGED, {});
    await subscribed(baseline, 2);

    const accept = await platform.query(
      'mutation ($id: ID!, $volunteerId: ID) { acceptAccompanimentRequest(id: $id, volunteerId: $volunteerId) { id } }',
      { id, volunteerId: mine.id },
      operator,
    );
    expect(accept.errors).toBeUndefined();
    const cancelOther = await platform.query(
      'mutation ($input: CancelAccompanimentRequestInput!) { cancelAccompanimentRequest(input: $input) { id } }',
      { input: { id: other, reason: 'BENEFICIARY_REQUEST' } },
      operator,
    );
    expect(cancelOther.errors).toBeUndefined();
    const cancel = await platform.query(
      'mutation ($input: CancelAccompanimentRequestInput!) { cancelAccompanimentRequest(input: $input) { id } }',
      { input: { id, reason: 'HEALTH' } },
      operator,
    );
    expect(cancel.errors).toBeUndefined();
    await forOperator.waitFor(2);
    await forVolunteer.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 500));

    for (const recorder of [forOperator, forVolunteer]) {
      expect(recorder.results.map((result) => result.errors)).toEqual([undefined, undefined]);
      expect(recorder.data.map((data) => data.accompanimentRequestChanged.status)).toEqual([
        'ACCEPTED',
        'CANCELLED',
      ]);
      expect(recorder.data[1].accompanimentRequestChanged.request).toEqual({ id, status: 'CANCELLED' });
      recorder.close();
    }
    await Promise.all([operatorClient.dispose(), volunteerClient.dispose()]);
  });
});
