import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import {
  eventually,
  metricsOf,
  OPERATOR_KEY,
  operator,
  Recorder,
  reportFillLevel,
  reportUntil,
  wsClient,
} from '#test/live-clients';

/**
 * The stream positions a client reads with its state (`wasteEventPosition`, `budgetEventPosition`):
 * every feed of the subgraph takes them as `after`, and an event committed between the state query
 * and the subscription still comes.
 */
let platform: TestPlatform;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'waste', 'budget']);
});

afterAll(async () => {
  await platform?.stop();
});

const STATION = 'TRILIB-13-0005';

describe('wasteEventPosition', () => {
  it('is taken as `after` by every waste feed, which then bring what was committed after the state', async () => {
    await reportFillLevel(platform, STATION, 0.2);
    const state = await platform.query<{
      wasteEventPosition: string;
      wasteStation: { fillingLevel: number; arrondissement: { code: number } };
    }>(
      'query ($id: ID!) { wasteEventPosition wasteStation(id: $id) { fillingLevel arrondissement { code } } }',
      {
        id: STATION,
      },
    );
    expect(state.errors).toBeUndefined();
    const { wasteEventPosition: position, wasteStation: station } = state.data!;
    expect(position).toMatch(/^\d+$/);
    expect(station.fillingLevel).toBeLessThan(0.9);

    // Committed after the state was read and before anyone subscribed: only `after` can bring it.
    await reportFillLevel(platform, STATION, 0.97);

    const client = wsClient(platform.gateway);
    const updated = new Recorder<{ wasteStationUpdated: { eventId: string; fillingLevel: number } }>(
      client,
      'subscription ($id: ID, $after: ID) { wasteStationUpdated(stationId: $id, after: $after) { eventId fillingLevel } }',
      { id: STATION, after: position },
    );
    const alert = new Recorder<{ wasteStationAlert: { eventId: string; fillingLevel: number } }>(
      client,
      'subscription ($id: ID, $after: ID) { wasteStationAlert(stationId: $id, after: $after) { eventId fillingLevel } }',
      { id: STATION, after: position },
    );
    const counts = new Recorder<{ wasteAlertCountChanged: { eventId: string; alertingStations: number } }>(
      client,
      'subscription ($code: Int, $after: ID) { wasteAlertCountChanged(arrondissement: $code, after: $after) { eventId alertingStations } }',
      { code: station.arrondissement.code, after: position },
    );
    for (const recorder of [updated, alert, counts]) await recorder.waitFor(1);
    for (const recorder of [updated, alert, counts]) {
      expect(recorder.error).toBeUndefined();
      expect(recorder.results[0].errors).toBeUndefined();
    }
    expect(updated.data.map((data) => data.wasteStationUpdated.fillingLevel)).toEqual([0.97]);
    expect(alert.data[0].wasteStationAlert.fillingLevel).toBe(0.97);
    expect(counts.data[0].wasteAlertCountChanged.alertingStations).toBeGreaterThan(0);
    const eventId = BigInt(updated.data[0].wasteStationUpdated.eventId);
    expect(eventId).toBeGreaterThan(BigInt(position));
    for (const recorder of [updated, alert, counts]) recorder.close();
    await client.dispose();
  });

  it('answers the same position to a query that reads no state beside it', async () => {
    const first = await platform.query<{ wasteEventPosition: string }>('{ wasteEventPosition }');
    const second = await platform.query<{ wasteEventPosition: string }>(
      'query Named { ...Position } fragment Position on Query { wasteEventPosition }',
    );
    expect(second.data?.wasteEventPosition).toBe(first.data?.wasteEventPosition);
  });
});

describe('feeds started after a position at the gateway', () => {
  const upstreams = () => metricsOf(platform.gateway).upstreamSubscriptionsOpened;
  const position = async () =>
    (await platform.query<{ wasteEventPosition: string }>('{ wasteEventPosition }')).data!.wasteEventPosition;
  const COUNTS =
    'subscription ($after: ID) { wasteAlertCountChanged(arrondissement: 13, after: $after) { eventId alertingContainers } }';

  it('share one upstream when the later position lies past the stream’s last event', async () => {
    const station = 'TRILIB-13-0006';
    await reportFillLevel(platform, station, 0.3);
    const client = wsClient(platform.gateway);
    const baseline = upstreams();
    // Every station event, live: what shows the gateway how far the waste log has reached.
    const all = new Recorder<{ wasteStationUpdated: { eventId: string } }>(
      client,
      'subscription { wasteStationUpdated { eventId } }',
    );
    const first = new Recorder<{ wasteAlertCountChanged: { eventId: string } }>(client, COUNTS, {
      after: await position(),
    });
    await eventually(() => upstreams() >= baseline + 2);
    // No crossing: the log moves on, the alert counts' stream has nothing to send. The gateway counts
    // an upstream as opened before the subgraph has read where its live feed starts, so a report
    // committed in between is not `all`'s: report again until one reaches it.
    await reportUntil(platform, station, 0.4, () => all.results.length > 0);
    const later = await position();
    const second = new Recorder<{ wasteAlertCountChanged: { eventId: string } }>(client, COUNTS, {
      after: later,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(upstreams()).toBe(baseline + 2);

    await reportFillLevel(platform, station, 0.96);
    await first.waitFor(1);
    await second.waitFor(1);
    expect(second.results.map((result) => result.errors)).toEqual([undefined]);
    expect(second.data).toEqual(first.data);
    expect(BigInt(second.data[0].wasteAlertCountChanged.eventId)).toBeGreaterThan(BigInt(later));
    for (const recorder of [all, first, second]) recorder.close();
    await client.dispose();
  });
});

describe('budgetEventPosition', () => {
  it('is taken as `after` by voteTallyChanged, which then brings a ballot cast after the tally', async () => {
    const state = await platform.query<{
      budgetEventPosition: string;
      voteTally: { projectId: string; votes: number }[];
    }>('{ budgetEventPosition voteTally(edition: 2023, first: 1) { projectId votes } }');
    expect(state.errors).toBeUndefined();
    const { budgetEventPosition: position, voteTally } = state.data!;
    const projectId =
      voteTally[0]?.projectId ??
      (
        await platform.query<{ budgetProjects: { edges: { node: { id: string } }[] } }>(
          '{ budgetProjects(first: 1, filter: { edition: 2023, scale: ARRONDISSEMENT }) { edges { node { id } } } }',
        )
      ).data!.budgetProjects.edges[0].node.id;

    const cast = await platform.query(
      'mutation ($input: CastVoteInput!) { castVote(input: $input) { replayed } }',
      {
        input: {
          voteId: `event-position-${process.pid}-${Date.now()}`,
          citizenId: `event-position-citizen-${process.pid}-${Date.now()}`,
          edition: 2023,
          projectIds: [projectId],
        },
      },
      operator,
    );
    expect(cast.errors).toBeUndefined();

    const client = wsClient(platform.gateway);
    const tally = new Recorder<{ voteTallyChanged: { eventId: string; project: { id: string } } }>(
      client,
      'subscription ($id: ID, $after: ID) { voteTallyChanged(edition: 2023, projectId: $id, after: $after) { eventId project { id } } }',
      { id: projectId, after: position },
    );
    await tally.waitFor(1);
    expect(tally.results[0].errors).toBeUndefined();
    expect(tally.data[0].voteTallyChanged.project.id).toBe(projectId);
    tally.close();
    await client.dispose();
  });
});
