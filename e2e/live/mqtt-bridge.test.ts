import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMqttBridge, type RunningMqttBridge } from '#app/live/mqtt-bridge';
import { startSubgraph } from '#platform/server';
import { waste } from '#app/registry';
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

const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';

let platform: TestPlatform;
let bridge: RunningMqttBridge;
let publisher: MqttClient;
let reports = 0;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  // Energy joins when the run has it (CI runs every subgraph): meter readings then go through too.
  platform = await startTestPlatform(['territory', 'waste', 'energy']);
  bridge = startMqttBridge({
    mqttUrl: MQTT_URL,
    gatewayUrl: platform.gateway.url,
    apiKey: OPERATOR_KEY,
    attempts: 6,
  });
  await bridge.ready;
  publisher = await connectAsync(MQTT_URL);
});

afterAll(async () => {
  await publisher?.endAsync();
  await bridge?.stop();
  await platform?.stop();
});

/** A sensor's message, with a report id no other run of the tests uses. */
function fillLevel(fillingLevel: number, observedAt = new Date()): Record<string, unknown> {
  reports += 1;
  return { reportId: `mqtt-e2e-${process.pid}-${Date.now()}-${reports}`, fillingLevel, observedAt };
}

async function publish(topic: string, payload: string | Record<string, unknown>): Promise<void> {
  await publisher.publishAsync(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), {
    qos: 1,
  });
}

/** Subscribes through the gateway and waits until the upstream subscription is in place. */
async function subscribe(stationId: string): Promise<Recorder<Updates>> {
  const metrics = metricsOf(platform.gateway);
  const opened = metrics.upstreamSubscriptionsOpened;
  const recorder = new Recorder<Updates>(wsClient(platform.gateway), STATION_UPDATES, { stationId });
  await eventually(() => metrics.upstreamSubscriptionsOpened > opened);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return recorder;
}

async function storedReports(reportId: string): Promise<number> {
  const waste = platform.subgraphs.find((subgraph) => subgraph.name === 'waste')!;
  const rows = await waste.db.query<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM filling_level_observation WHERE report_id = $1',
    [reportId],
  );
  return rows[0].count;
}

describe('the MQTT bridge', () => {
  it('stores a fill level published on MQTT, once however often it is published, and it reaches a subscriber', async () => {
    const station = 'TRILIB-16-0001';
    const recorder = await subscribe(station);
    const message = fillLevel(0.42);
    await publish(`ocg/waste/${station}/glass/fill-level`, message);
    await recorder.waitFor(1);
    // The same message again (a sensor's retry) stores nothing and wakes no subscriber.
    const ingested = bridge.counters.ingested;
    await publish(`ocg/waste/${station}/GLASS/fill-level`, message);
    await eventually(() => bridge.counters.ingested === ingested + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorder.results.every((result) => result.errors === undefined)).toBe(true);
    expect(recorder.data.map((data) => data.wasteStationUpdated)).toEqual([
      expect.objectContaining({
        fillingLevel: 0.42,
        station: {
          id: station,
          arrondissement: { code: 16, name: expect.stringContaining('16'), population: expect.any(Number) },
        },
      }),
    ]);
    expect(await storedReports(message.reportId as string)).toBe(1);
    recorder.close();
  });

  it('drops malformed messages, keeps running, and ingests the next good one', async () => {
    const station = 'TRILIB-16-0002';
    const recorder = await subscribe(station);
    const dropped = bridge.counters.dropped;
    await publish(`ocg/waste/${station}/glass/fill-level`, 'not json {');
    await publish(`ocg/waste/${station}/glass/fill-level`, fillLevel(1.7));
    await publish(`ocg/waste/${station}/glass/fill-level`, { fillingLevel: 0.3, observedAt: 'yesterday' });
    await publish(`ocg/waste/${station}/plutonium/fill-level`, fillLevel(0.3));
    // Well formed but refused by the graph: this station does not exist.
    await publish('ocg/waste/NO-SUCH-STATION/glass/fill-level', fillLevel(0.3));
    await publish(`ocg/waste/${station}/glass/fill-level`, fillLevel(0.55));
    await recorder.waitFor(1);
    await eventually(() => bridge.counters.dropped === dropped + 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorder.data.map((data) => data.wasteStationUpdated.fillingLevel)).toEqual([0.55]);
    recorder.close();
  });

  it('retries through a restart of the owning subgraph and stores the message once', async () => {
    const station = 'TRILIB-16-0003';
    const recorder = await subscribe(station);
    await publish(`ocg/waste/${station}/glass/fill-level`, fillLevel(0.6));
    await recorder.waitFor(1);
    const index = platform.subgraphs.findIndex((subgraph) => subgraph.name === 'waste');
    const previous = platform.subgraphs[index];
    await previous.stop();
    const message = fillLevel(0.66);
    await publish(`ocg/waste/${station}/glass/fill-level`, message);
    // The bridge meets a gateway that cannot reach the waste subgraph for a while, and retries.
    await new Promise((resolve) => setTimeout(resolve, 700));
    platform.subgraphs[index] = await startSubgraph(waste, {
      databaseUrl: platform.databaseUrl,
      gatewaySecret: platform.gatewaySecret,
      port: previous.port,
    });
    await recorder.waitFor(2, 30_000);
    expect(recorder.data.map((data) => data.wasteStationUpdated.fillingLevel)).toEqual([0.6, 0.66]);
    expect(await storedReports(message.reportId as string)).toBe(1);
    recorder.close();
  });
});

describe('the MQTT bridge for meters', () => {
  const withEnergy = testSubgraphs().some((definition) => definition.name === 'energy');

  it.skipIf(!withEnergy)(
    'stores a meter reading published on MQTT once, and it reaches an energyReadings subscriber',
    async () => {
      const buildings = await platform.query<{
        buildings: { edges: { node: { meters: { id: string; kind: string }[] } }[] };
      }>(
        '{ buildings(first: 1, filter: { supervised: true, arrondissement: 19 }) { edges { node { meters { id kind } } } } }',
      );
      const meter = buildings.data!.buildings.edges[0].node.meters.find(
        (candidate) => candidate.kind === 'HEAT',
      )!;
      const metrics = metricsOf(platform.gateway);
      const opened = metrics.upstreamSubscriptionsOpened;
      const recorder = new Recorder<{
        energyReadings: {
          reading: {
            readingId: string;
            value: number;
            meter: { building: { arrondissement: { code: number } } };
          };
        };
      }>(
        wsClient(platform.gateway),
        'subscription ($meterId: ID) { energyReadings(meterId: $meterId) { eventId reading { readingId value meter { building { arrondissement { code } } } } } }',
        { meterId: meter.id },
      );
      await eventually(() => metrics.upstreamSubscriptionsOpened > opened);
      await new Promise((resolve) => setTimeout(resolve, 300));
      reports += 1;
      const reading = {
        readingId: `mqtt-e2e-${process.pid}-${Date.now()}-${reports}`,
        value: 31.5,
        power: 126,
        observedAt: new Date().toISOString(),
      };
      await publish(`ocg/energy/${meter.id}/reading`, reading);
      await publish(`ocg/energy/${meter.id}/reading`, reading);
      await recorder.waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(recorder.data.map((data) => data.energyReadings.reading)).toEqual([
        { readingId: reading.readingId, value: 31.5, meter: { building: { arrondissement: { code: 19 } } } },
      ]);
      const energy = platform.subgraphs.find((subgraph) => subgraph.name === 'energy')!;
      const [{ count }] = await energy.db.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM meter_reading WHERE reading_id = $1',
        [reading.readingId],
      );
      expect(count).toBe(1);
      recorder.close();
    },
  );
});
