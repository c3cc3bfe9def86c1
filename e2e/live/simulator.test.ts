import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '#app/live/simulator';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { testSubgraphs } from '#test/subgraphs';
import {
  eventually,
  metricsOf,
  OPERATOR_KEY,
  Recorder,
  STATION_UPDATES,
  wsClient,
  type StationEvent,
} from '#test/live-clients';

type Updates = { wasteStationUpdated: StationEvent };

/** No other test touches the 20th: the simulator may fill its stations and vote for its projects. */
const ARRONDISSEMENT = 20;

let platform: TestPlatform;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'waste']);
});

afterAll(async () => {
  await platform?.stop();
});

describe('the simulator', () => {
  it('feeds fill levels and collections through the gateway mutations, and subscribers see them', async () => {
    const waste = platform.subgraphs.find((subgraph) => subgraph.name === 'waste')!;
    // Nearly full containers, so that the first rounds send collections as well as fill levels.
    await waste.db.query(
      `UPDATE waste_container SET filling_level = 0.95, date_last_filling_level = now() - interval '1 hour'
        WHERE station_id IN (SELECT id FROM waste_station WHERE arrondissement_code = $1 AND category = 'TRILIB')`,
      [ARRONDISSEMENT],
    );
    const metrics = metricsOf(platform.gateway);
    const opened = metrics.upstreamSubscriptionsOpened;
    const recorder = new Recorder<Updates>(wsClient(platform.gateway), STATION_UPDATES, {
      arrondissement: ARRONDISSEMENT,
    });
    await eventually(() => metrics.upstreamSubscriptionsOpened > opened);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Every feed is on: the graph has only territory and waste, so the others switch themselves off.
    const simulator = startSimulator({
      gatewayUrl: platform.gateway.url,
      apiKey: OPERATOR_KEY,
      seed: 42,
      intervalMs: 200,
      arrondissements: [ARRONDISSEMENT],
    });
    await eventually(() => simulator.ticks >= 4, 30_000);
    await simulator.stop();
    const ticks = simulator.ticks;
    const sent = { ...simulator.sent };
    expect(sent.reportFillLevel).toBeGreaterThan(0);
    expect(sent.recordCollection).toBeGreaterThan(0);
    expect(Object.keys(sent).sort()).toEqual(['recordCollection', 'reportFillLevel']);

    // What the mutations stored carries the simulator's ids, and every change reached the subscriber.
    const [{ count }] = await waste.db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM filling_level_observation WHERE report_id LIKE $1',
      [`sim-${simulator.runId}-fill-%`],
    );
    expect(count).toBe(sent.reportFillLevel);
    const changes = sent.reportFillLevel + sent.recordCollection;
    await recorder.waitFor(changes);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorder.results.every((result) => result.errors === undefined)).toBe(true);
    const events = recorder.data.map((data) => data.wasteStationUpdated);
    expect(events).toHaveLength(changes);
    expect(new Set(events.map((event) => event.kind)).size).toBe(2);
    for (const event of events) {
      expect(event.station.arrondissement.code).toBe(ARRONDISSEMENT);
      expect(event.fillingLevel).toBeGreaterThanOrEqual(0);
      expect(event.fillingLevel).toBeLessThanOrEqual(1);
    }

    // Stopped means stopped: no round runs after stop() resolved.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(simulator.ticks).toBe(ticks);
    expect(simulator.sent).toEqual(sent);
    recorder.close();
  });
});

describe('the simulator on the civic and energy subgraphs', () => {
  const needed = ['territory', 'budget', 'mobility', 'energy'] as const;
  const running = testSubgraphs().map((definition) => definition.name);

  // Runs whenever the test run has these subgraphs (CI runs them all).
  it.skipIf(!needed.every((name) => running.includes(name)))(
    'casts ballots, opens and moves accompaniment requests and records meter readings through the mutations',
    async () => {
      const civic = await startTestPlatform([...needed]);
      try {
        const simulator = startSimulator({
          gatewayUrl: civic.gateway.url,
          apiKey: OPERATOR_KEY,
          seed: 7,
          intervalMs: 100,
          feeds: ['budget', 'mobility', 'energy'],
          arrondissements: [ARRONDISSEMENT],
        });
        await eventually(() => simulator.ticks >= 8, 30_000);
        await simulator.stop();
        expect(simulator.sent.castVote).toBe(simulator.ticks);
        expect(simulator.sent.requestAccompaniment).toBeGreaterThan(0);
        // Meter readings exist once the energy subgraph has its ingestion mutation.
        if (civic.supergraphSdl.includes('recordMeterReadings('))
          expect(simulator.sent.recordMeterReadings).toBe(simulator.ticks);
        const budget = civic.subgraphs.find((subgraph) => subgraph.name === 'budget')!;
        const [{ count }] = await budget.db.query<{ count: number }[]>(
          'SELECT count(*)::int AS count FROM budget_vote WHERE id LIKE $1',
          [`sim-${simulator.runId}-vote-%`],
        );
        expect(count).toBe(simulator.sent.castVote);
      } finally {
        await civic.stop();
      }
    },
  );
});
