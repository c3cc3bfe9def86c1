import { Agent, request } from 'node:http';
import { SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '#gateway/limits/config';
import type { SubgraphName } from '#platform/subgraphs';
import { startTestPlatform, type TestPlatform } from '#test/platform';

/**
 * 1,000 simultaneous writes through the gateway over real HTTP. All 1,000 requests are sent at
 * once; a keep-alive agent carries them on up to SOCKETS connections to the gateway, which has
 * them all in flight towards the subgraph; each subgraph then runs them against PostgreSQL
 * through its pool (10 connections), so the database sees 10 concurrent transactions at a time
 * and 1,000 queued on them, which is the contention the arbiters (conditional UPDATE, unique
 * keys) must settle. The rate limiter is off here (as in every test platform but its own suites).
 */
const CALLS = 1000;
const SOCKETS = 250;
const OPERATOR_KEY = 'concurrency-test-operator-key';
const JWT_SECRET = 'concurrency-test-secret-of-at-least-32-bytes!';

let platform: TestPlatform;
const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS });

interface Answer<TData> {
  status: number;
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs one operation on the shared keep-alive agent. */
function send<TData>(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = { 'x-api-key': OPERATOR_KEY },
): Promise<Answer<TData>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      platform.gateway.url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<
              Answer<TData>,
              'status'
            >;
            resolve({ status: response.statusCode ?? 0, ...parsed });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function dbOf(name: SubgraphName): DataSource {
  const subgraph = platform.subgraphs.find((candidate) => candidate.name === name);
  if (!subgraph) throw new Error(`${name} did not start`);
  return subgraph.db;
}

function codes(answer: Answer<unknown>): unknown[] {
  return (answer.errors ?? []).map((error) => error.extensions?.code);
}

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'mobility', 'budget', 'energy', 'waste'], {
    jwt: { secret: JWT_SECRET, algorithm: 'HS256' },
    // The last of 1,000 queued writes waits for the 999 before it: on a loaded 2-core machine that
    // can pass the 15 s operation budget, which is about latency, not what these tests check.
    limits: { ...DEFAULT_LIMITS, timeoutMs: 120_000 },
  });
});
afterAll(async () => {
  agent.destroy();
  await platform?.stop();
});

describe(`${CALLS} concurrent writes through the gateway`, () => {
  it(`lets exactly one of ${CALLS} volunteers accept a request; ${CALLS - 1} get CONFLICT`, async () => {
    const mobility = dbOf('mobility');
    // The generated city has a few hundred volunteers: these join for the test, each with their own token.
    await mobility.query(
      `INSERT INTO volunteer (id, given_name, family_name, phone, email, arrondissement_code, joined_at, active, provenance)
       SELECT 'VOL-C' || lpad(n::text, 4, '0'), 'Camille', 'Concurrent ' || n, '+33600000000',
              'concurrent-' || n || '@example.org', 1 + n % 20, now(), true, 'GENERATED'
       FROM generate_series(1, $1::int) AS n`,
      [CALLS],
    );
    const created = await send<{ requestAccompaniment: { id: string } }>(
      'mutation ($input: RequestAccompanimentInput!) { requestAccompaniment(input: $input) { id } }',
      {
        input: {
          clientRequestId: `concurrency-${Date.now()}`,
          beneficiaryId: 'BEN-00040',
          purpose: 'WALK',
          requestedFor: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const requestId = created.data!.requestAccompaniment.id;
    const secret = new TextEncoder().encode(JWT_SECRET);
    const volunteers = Array.from(
      { length: CALLS },
      (_, index) => `VOL-C${String(index + 1).padStart(4, '0')}`,
    );
    const tokens = await Promise.all(
      volunteers.map((volunteer) =>
        new SignJWT({ roles: ['volunteer'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(volunteer)
          .setExpirationTime('10m')
          .sign(secret),
      ),
    );

    const answers = await Promise.all(
      tokens.map((token) =>
        send<{ acceptAccompanimentRequest: { id: string } }>(
          'mutation ($id: ID!) { acceptAccompanimentRequest(id: $id) { id status } }',
          { id: requestId },
          { authorization: `Bearer ${token}` },
        ),
      ),
    );

    expect(
      answers.filter((answer) => answer.status !== 200).map((answer) => [answer.status, codes(answer)]),
    ).toEqual([]);
    const winners = answers.flatMap((answer, index) => (answer.errors ? [] : [volunteers[index]]));
    expect(winners).toHaveLength(1);
    const losers = answers.filter((answer) => answer.errors);
    expect(losers).toHaveLength(CALLS - 1);
    for (const loser of losers) {
      expect(codes(loser)).toEqual(['CONFLICT']);
      expect(loser.errors?.[0].message).toMatch(/already been accepted/);
    }
    const rows = await mobility.query<{ volunteer_id: string; status: string }[]>(
      'SELECT volunteer_id, status FROM accompaniment_request WHERE id = $1',
      [requestId],
    );
    expect(rows).toEqual([{ volunteer_id: winners[0], status: 'ACCEPTED' }]);
    const missions = await mobility.query<{ count: string }[]>(
      `SELECT count(*) FROM accompaniment_request WHERE volunteer_id LIKE 'VOL-C%'`,
    );
    expect(Number(missions[0].count)).toBe(1);
    const accepted = await mobility.query<{ count: string }[]>(
      `SELECT count(*) FROM event_log WHERE type = 'ACCEPTED' AND payload->>'requestId' = $1`,
      [requestId],
    );
    expect(Number(accepted[0].count)).toBe(1);
  });

  it('counts each citizen once per edition across retries, distinct citizens and second ballots', async () => {
    const budget = dbOf('budget');
    const edition = 2018;
    const projects = (
      await budget.query<{ id: number }[]>(
        `SELECT id FROM budget_project WHERE edition = $1 AND scale = 'ARRONDISSEMENT' ORDER BY id LIMIT 4`,
        [edition],
      )
    ).map((row) => String(row.id));
    expect(projects).toHaveLength(4);
    const ballot = (citizen: number, voteId = `conc-${citizen}`) => ({
      voteId,
      citizenId: `conc-citizen-${citizen}`,
      edition,
      projectIds: [projects[citizen % 4], projects[(citizen + 1) % 4]],
    });
    // 200 citizens vote once, 250 have their ballot retried 3 times, 50 of the first send a second ballot.
    const calls = [
      ...Array.from({ length: 200 }, (_, index) => ballot(index)),
      ...Array.from({ length: 750 }, (_, index) => ballot(200 + (index % 250))),
      ...Array.from({ length: 50 }, (_, index) => ballot(index, `conc-second-${index}`)),
    ];
    expect(calls).toHaveLength(CALLS);
    const before = await budget.query<{ count: string }[]>(
      'SELECT count(*) FROM budget_vote WHERE edition = $1',
      [edition],
    );

    const answers = await Promise.all(
      calls.map((input) =>
        send<{ castVote: { replayed: boolean } }>(
          'mutation ($input: CastVoteInput!) { castVote(input: $input) { replayed } }',
          { input },
        ),
      ),
    );

    expect(
      answers.filter((answer) => answer.status !== 200).map((answer) => [answer.status, codes(answer)]),
    ).toEqual([]);
    const refused = answers.filter((answer) => answer.errors);
    // Of each citizen's two ballots, whichever commits second is refused.
    expect(refused).toHaveLength(50);
    for (const answer of refused) expect(codes(answer)).toEqual(['CONFLICT']);
    expect(answers.filter((answer) => answer.data?.castVote.replayed === false)).toHaveLength(450);
    expect(answers.filter((answer) => answer.data?.castVote.replayed === true)).toHaveLength(500);

    const after = await budget.query<{ count: string; citizens: string }[]>(
      'SELECT count(*), count(DISTINCT citizen_id) AS citizens FROM budget_vote WHERE edition = $1',
      [edition],
    );
    expect(Number(after[0].count) - Number(before[0].count)).toBe(450);
    expect(after[0].citizens).toBe(after[0].count);
    for (const project of projects) {
      const recount = await budget.query<{ count: string }[]>(
        'SELECT count(*) FROM budget_vote_choice WHERE project_id = $1',
        [Number(project)],
      );
      const tally = await send<{ budgetProject: { votes: number } }>(
        'query ($id: ID!) { budgetProject(id: $id) { votes } }',
        { id: project },
      );
      expect(tally.data?.budgetProject.votes, `project ${project}`).toBe(Number(recount[0].count));
    }
  });

  it('stores replayed ingestion batches once: 1,000 concurrent sends of meter readings and fill levels', async () => {
    const energy = dbOf('energy');
    const meters = (await energy.query<{ id: string }[]>(`SELECT id FROM meter ORDER BY id LIMIT 10`)).map(
      (row) => row.id,
    );
    expect(meters).toHaveLength(10);
    const start = Date.UTC(2026, 0, 1);
    // 10 batches of 20 readings (one meter each), each sent 50 times at once.
    const batches = meters.map((meterId, batch) =>
      Array.from({ length: 20 }, (_, index) => ({
        readingId: `conc-${batch}-${index}`,
        meterId,
        observedAt: new Date(start + index * 600_000 + 17_000).toISOString(),
        value: 1 + index,
      })),
    );
    const readings = Array.from({ length: 500 }, (_, index) =>
      send<{ recordMeterReadings: { recorded: number; replayed: number } }>(
        'mutation ($input: RecordMeterReadingsInput!) { recordMeterReadings(input: $input) { recorded replayed } }',
        { input: { readings: batches[index % batches.length] } },
      ),
    );
    // 25 sensor reports, each sent 20 times at once.
    const stations = Array.from(
      { length: 5 },
      (_, index) => `TRILIB-14-${String(index + 1).padStart(4, '0')}`,
    );
    const reports = Array.from({ length: 500 }, (_, index) => {
      const report = index % 25;
      return send<{ reportFillLevel: { id: string } }>(
        'mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id } }',
        {
          input: {
            reportId: `conc-report-${report}`,
            stationId: stations[report % stations.length],
            stream: 'GLASS',
            fillingLevel: (report + 1) / 100,
            observedAt: new Date(start + report * 60_000).toISOString(),
          },
        },
      );
    });
    const [readingAnswers, reportAnswers] = await Promise.all([Promise.all(readings), Promise.all(reports)]);

    for (const answer of [...readingAnswers, ...reportAnswers]) expect(answer.errors).toBeUndefined();
    const recorded = readingAnswers.reduce(
      (sum, answer) => sum + answer.data!.recordMeterReadings.recorded,
      0,
    );
    expect(recorded).toBe(200);
    const stored = await energy.query<{ count: string }[]>(
      `SELECT count(*) FROM meter_reading WHERE reading_id LIKE 'conc-%'`,
    );
    expect(Number(stored[0].count)).toBe(200);
    // A replay answers the observation stored first, whichever request stored it.
    const ids = new Map<number, Set<string>>();
    reportAnswers.forEach((answer, index) => {
      const set = ids.get(index % 25) ?? new Set();
      set.add(answer.data!.reportFillLevel.id);
      ids.set(index % 25, set);
    });
    expect([...ids.values()].every((set) => set.size === 1)).toBe(true);
    const observations = await dbOf('waste').query<{ count: string }[]>(
      `SELECT count(*) FROM filling_level_observation WHERE report_id LIKE 'conc-report-%'`,
    );
    expect(Number(observations[0].count)).toBe(25);
  });
});
