import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { eventually, metricsOf, OPERATOR_KEY, operator, Recorder, wsClient } from '#test/live-clients';

const DISTRICT = 'clichy-batignolles';

const READINGS = `subscription ($buildingId: ID, $meterId: ID, $districtId: ID, $arrondissement: Int, $after: ID) {
  energyReadings(buildingId: $buildingId, meterId: $meterId, districtId: $districtId, arrondissement: $arrondissement, after: $after) {
    eventId reading { readingId observedAt value power meter { id building { id arrondissement { code name } } } } } }`;

const RECORD = `mutation ($input: RecordMeterReadingsInput!) {
  recordMeterReadings(input: $input) { recorded replayed readings { readingId meterId value power } } }`;

const LOAD = `subscription ($districtId: ID!, $intervalSeconds: Int, $after: ID) {
  districtLoad(districtId: $districtId, intervalSeconds: $intervalSeconds, after: $after) {
    eventId from to intervalSeconds powerKw reportingMeters supervisedBuildings district { id } } }`;

interface ReadingEvent {
  eventId: string;
  reading: {
    readingId: string;
    value: number;
    power: number | null;
    meter: { id: string; building: { id: string; arrondissement: { code: number; name: string } } };
  };
}
type Readings = { energyReadings: ReadingEvent };

interface LoadEvent {
  eventId: string;
  intervalSeconds: number;
  powerKw: number;
  reportingMeters: number;
  supervisedBuildings: number;
  district: { id: string };
}

interface SentReading {
  readingId: string;
  meterId: string;
  observedAt: string;
  value: number;
  power?: number | null;
}

let platform: TestPlatform;

interface TestMeter {
  id: string;
  buildingId: string;
  arrondissement: number;
  /** The building's other energy meter. */
  siblingId?: string;
}

/** A heating meter of a supervised eco-district building, and one of another arrondissement. */
let districtMeter: TestMeter;
let otherMeter: TestMeter;
let sent = 0;

/** Readings are dated just before the tests start: after the generated day, within districtLoad's look-back. */
const STARTED = Date.now();

function reading(meterId: string, value: number, power: number | null = null): SentReading {
  sent += 1;
  return {
    readingId: `energy-e2e-${process.pid}-${sent}`,
    meterId,
    // Distinct instants: a meter has one reading per instant.
    observedAt: new Date(STARTED - sent).toISOString(),
    value,
    power,
  };
}

function record(readings: SentReading[]) {
  return platform.query<{ recordMeterReadings: { recorded: number; replayed: number } }>(
    RECORD,
    { input: { readings } },
    operator,
  );
}

async function heatingMeter(filter: Record<string, unknown>): Promise<TestMeter> {
  const result = await platform.query<{
    buildings: {
      edges: {
        node: {
          id: string;
          heatingSupervised: boolean;
          arrondissement: { code: number };
          meters: { id: string; kind: string }[];
        };
      }[];
    };
  }>(
    `query ($filter: BuildingFilter) { buildings(first: 50, filter: $filter) {
      edges { node { id heatingSupervised arrondissement { code } meters { id kind } } } } }`,
    { filter },
  );
  // The last of the page: subgraph tests read the first supervised buildings and count their readings.
  const building = result.data?.buildings.edges
    .map((edge) => edge.node)
    .findLast((node) => node.heatingSupervised);
  const [meter, sibling] = building?.meters.filter((candidate) => candidate.kind !== 'WATER') ?? [];
  if (!building || !meter)
    throw new Error(`no supervised building with an energy meter for ${JSON.stringify(filter)}`);
  return {
    id: meter.id,
    buildingId: building.id,
    arrondissement: building.arrondissement.code,
    siblingId: sibling?.id,
  };
}

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'energy']);
  districtMeter = await heatingMeter({ districtId: DISTRICT });
  otherMeter = await heatingMeter({ arrondissement: districtMeter.arrondissement === 20 ? 19 : 20 });
});

afterAll(async () => {
  await platform?.stop();
});

describe('recordMeterReadings', () => {
  it('stores a batch once: a replay stores nothing twice', async () => {
    const batch = [reading(districtMeter.id, 12.5, 50), reading(districtMeter.id, 13, 52)];
    const first = await record(batch);
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordMeterReadings).toMatchObject({ recorded: 2, replayed: 0 });
    const again = await record(batch);
    expect(again.errors).toBeUndefined();
    expect(again.data?.recordMeterReadings).toMatchObject({ recorded: 0, replayed: 2 });
    const reused = await record([{ ...batch[0], value: 99 }]);
    expect(reused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    const energy = platform.subgraphs.find((subgraph) => subgraph.name === 'energy')!;
    const [{ rows, events }] = await energy.db.query<{ rows: number; events: number }[]>(
      `SELECT (SELECT count(*)::int FROM meter_reading WHERE reading_id = ANY($1)) AS rows,
              (SELECT count(*)::int FROM event_log WHERE event_id = ANY($2)) AS events`,
      [batch.map((sent) => sent.readingId), batch.map((sent) => `meter-reading:${sent.readingId}`)],
    );
    expect({ rows, events }).toEqual({ rows: 2, events: 2 });
  });

  it('answers BAD_USER_INPUT for an unknown meter, a negative value or a future reading, and stores none of the batch', async () => {
    const good = reading(districtMeter.id, 1);
    const bad = [
      { ...reading('NO-SUCH-METER', 1), readingId: 'bad-1' },
      { ...reading(districtMeter.id, -1), readingId: 'bad-2' },
      {
        ...reading(districtMeter.id, 1),
        readingId: 'bad-3',
        observedAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    ];
    for (const wrong of bad) {
      const result = await record([good, wrong]);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
    const energy = platform.subgraphs.find((subgraph) => subgraph.name === 'energy')!;
    const [{ count }] = await energy.db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM meter_reading WHERE reading_id = $1',
      [good.readingId],
    );
    expect(count).toBe(0);
    const anonymous = await platform.query(RECORD, { input: { readings: [good] } });
    expect(anonymous.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });
});

describe('energyReadings through the gateway', () => {
  it('delivers a recorded reading to subscribers by building and by arrondissement, with a field of another subgraph', async () => {
    const byBuilding = new Recorder<Readings>(wsClient(platform.gateway), READINGS, {
      buildingId: districtMeter.buildingId,
    });
    const byArrondissement = new Recorder<Readings>(wsClient(platform.gateway), READINGS, {
      arrondissement: districtMeter.arrondissement,
    });
    await eventually(() => metricsOf(platform.gateway).upstreamSubscriptions >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ours = reading(districtMeter.id, 21.5, 86);
    const result = await record([reading(otherMeter.id, 3), ours]);
    expect(result.errors).toBeUndefined();
    await byBuilding.waitFor(1);
    await byArrondissement.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const recorder of [byBuilding, byArrondissement]) {
      expect(recorder.results.every((each) => each.errors === undefined)).toBe(true);
      const events = recorder.data.map((data) => data.energyReadings);
      expect(events.map((event) => event.reading.readingId)).toEqual([ours.readingId]);
      expect(events[0].reading).toMatchObject({
        value: 21.5,
        power: 86,
        meter: {
          id: districtMeter.id,
          building: {
            id: districtMeter.buildingId,
            arrondissement: {
              code: districtMeter.arrondissement,
              name: expect.stringContaining(String(districtMeter.arrondissement)),
            },
          },
        },
      });
      recorder.close();
    }
  });

  it('resumes after an eventId with the readings missed, in order', async () => {
    const client = wsClient(platform.gateway);
    const first = new Recorder<Readings>(client, READINGS, { meterId: districtMeter.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await record([reading(districtMeter.id, 1)]);
    await first.waitFor(1);
    const last = first.data[0].energyReadings.eventId;
    first.close();
    const missed = [reading(districtMeter.id, 2), reading(districtMeter.id, 3), reading(districtMeter.id, 4)];
    await record(missed);
    const resumed = new Recorder<Readings>(client, READINGS, { meterId: districtMeter.id, after: last });
    await resumed.waitFor(3);
    expect(resumed.data.map((data) => data.energyReadings.reading.readingId)).toEqual(
      missed.map((sent) => sent.readingId),
    );
    resumed.close();
    await client.dispose();
  });
});

describe('districtLoad', () => {
  it('emits the load of the district every interval, the readings just recorded included', async () => {
    // A meter no other test writes to: its mean power over the interval is exactly this reading's.
    const quiet = districtMeter.siblingId;
    if (!quiet) throw new Error('the eco-district building has a second energy meter');
    // Dated more than one interval ago, so the first interval sent (the last one closed) holds it.
    const result = await record([
      { ...reading(quiet, 250, 1000), observedAt: new Date(Date.now() - 6000).toISOString() },
    ]);
    expect(result.errors).toBeUndefined();
    const recorder = new Recorder<{ districtLoad: LoadEvent }>(wsClient(platform.gateway), LOAD, {
      districtId: DISTRICT,
      intervalSeconds: 5,
    });
    await recorder.waitFor(2, 20_000);
    recorder.close();
    expect(recorder.results.every((each) => each.errors === undefined)).toBe(true);
    const [now, next] = recorder.data.map((data) => data.districtLoad);
    expect(now).toMatchObject({ intervalSeconds: 5, district: { id: DISTRICT } });
    expect(now.powerKw).toBeGreaterThanOrEqual(1000);
    expect(now.reportingMeters).toBeGreaterThanOrEqual(1);
    expect(now.supervisedBuildings).toBeGreaterThan(0);
    expect(Number(next.eventId) - Number(now.eventId)).toBe(5);
  });

  it('resumes after an eventId with the intervals missed, then live ones', async () => {
    const latest = Math.floor(Date.now() / 5000) * 5;
    const recorder = new Recorder<{ districtLoad: LoadEvent }>(wsClient(platform.gateway), LOAD, {
      districtId: DISTRICT,
      intervalSeconds: 5,
      after: String(latest - 10),
    });
    await recorder.waitFor(3, 20_000);
    recorder.close();
    expect(recorder.results.every((each) => each.errors === undefined)).toBe(true);
    const ids = recorder.data.map((data) => Number(data.districtLoad.eventId));
    expect(ids.slice(0, 3)).toEqual([latest - 5, latest, latest + 5]);
  });

  it('refuses an interval outside 5–3600 s and an unknown district', async () => {
    for (const variables of [
      { districtId: DISTRICT, intervalSeconds: 1 },
      { districtId: DISTRICT, intervalSeconds: 7200 },
      { districtId: 'nowhere' },
    ]) {
      const recorder = new Recorder(wsClient(platform.gateway), LOAD, variables);
      await recorder.waitFor(1);
      recorder.close();
      const errors = (Array.isArray(recorder.error) ? recorder.error : recorder.results[0]?.errors) as
        { extensions?: { code?: string } }[] | undefined;
      expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
  });
});
