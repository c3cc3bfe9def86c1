import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApiKeyCommand } from '#app/cli/apikey';
import type { Identity } from '#platform/identity';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { captureForwardedIdentities, codes, hs256Token, postOperation, type RawResponse } from './support';

/** A `sensor` key or token writes readings only for its own devices; operators for any. */
const JWT_SECRET = 'sensor-devices-test-secret-of-at-least-32-bytes';
const operatorKey = `sensor-devices-operator-${Date.now()}`;
let platform: TestPlatform;
let wasteDb: DataSource;
let energyDb: DataSource;
let forwarded: Identity[];
/** Two stations with one container of `stream`, so a report needs no `containerId`. */
let stations: { id: string; stream: string }[];
let meters: string[];

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = operatorKey;
  platform = await startTestPlatform(['territory', 'waste', 'energy'], { jwt: { secret: JWT_SECRET } });
  const db = (name: string) => {
    const subgraph = platform.subgraphs.find((candidate) => candidate.name === name);
    if (!subgraph) throw new Error(`the ${name} subgraph did not start`);
    return subgraph.db;
  };
  wasteDb = db('waste');
  energyDb = db('energy');
  forwarded = captureForwardedIdentities(platform);
  stations = await wasteDb.query(
    `SELECT station_id AS id, stream FROM waste_container
      GROUP BY station_id, stream HAVING count(*) = 1 ORDER BY station_id, stream LIMIT 2`,
  );
  meters = (
    await energyDb.query<{ id: string }[]>(`SELECT id FROM meter WHERE kind <> 'WATER' ORDER BY id LIMIT 2`)
  ).map((row) => row.id);
  expect(stations).toHaveLength(2);
  expect(stations[0].id).not.toBe(stations[1].id);
  expect(meters).toHaveLength(2);
});
afterAll(() => platform?.stop());

async function apikey(args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runApiKeyCommand(args, platform.databaseUrl, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

async function sensorKey(...devices: string[]): Promise<{ key: string; id: string }> {
  const { code, output } = await apikey([
    'create',
    '--role',
    'sensor',
    '--label',
    'sensor-devices test',
    ...devices.flatMap((device) => ['--device', device]),
  ]);
  expect(code, output).toBe(0);
  return { key: /key:\s+(\S+)/.exec(output)![1], id: /id:\s+(\S+)/.exec(output)![1] };
}

const bearer = (claims: Record<string, unknown>) => hs256Token(JWT_SECRET, claims);

let sequence = 0;
const uniqueId = (prefix: string) => `${prefix}-${process.pid}-${Date.now()}-${(sequence += 1)}`;

const REPORT = `mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id fillingLevel } }`;
const COLLECTION = `mutation ($input: RecordCollectionInput!) { recordCollection(input: $input) { id } }`;
const READINGS = `mutation ($input: RecordMeterReadingsInput!) { recordMeterReadings(input: $input) { recorded } }`;

async function reportFillLevel(
  headers: Record<string, string>,
  station: { id: string; stream: string },
): Promise<{ reportId: string; response: RawResponse }> {
  const reportId = uniqueId('report');
  const input = {
    reportId,
    stationId: station.id,
    stream: station.stream,
    fillingLevel: 0.42,
    observedAt: new Date(Date.now() - 60_000).toISOString(),
  };
  return { reportId, response: await postOperation(platform.gateway.url, REPORT, headers, { input }) };
}

/** One reading per meter, each at its own minute so none collides with another test's. */
async function recordReadings(
  headers: Record<string, string>,
  meterIds: string[],
): Promise<{ readingIds: string[]; response: RawResponse }> {
  const readings = meterIds.map((meterId) => ({
    readingId: uniqueId('reading'),
    meterId,
    observedAt: new Date(Date.now() - (sequence += 1) * 60_000).toISOString(),
    value: 1.5,
  }));
  const response = await postOperation(platform.gateway.url, READINGS, headers, { input: { readings } });
  return { readingIds: readings.map((reading) => reading.readingId), response };
}

async function storedReports(reportId: string): Promise<number> {
  const [row] = await wasteDb.query<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM filling_level_observation WHERE report_id = $1',
    [reportId],
  );
  return row.count;
}

async function storedReadings(readingIds: string[]): Promise<number> {
  const [row] = await energyDb.query<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM meter_reading WHERE reading_id = ANY($1)',
    [readingIds],
  );
  return row.count;
}

function expectForbiddenFor(response: RawResponse, devices: string[]): void {
  expect(codes(response)).toEqual(['FORBIDDEN']);
  const [error] = response.body.errors ?? [];
  expect(error.extensions?.devices).toEqual(devices);
  for (const device of devices) expect(error.message).toContain(device);
}

describe('sensor keys bound to their devices', () => {
  it('accepts a fill level for its own station and forwards its devices in the signed identity', async () => {
    const { key, id } = await sensorKey(`waste-station:${stations[0].id}`);
    forwarded.length = 0;
    const { reportId, response } = await reportFillLevel({ 'x-api-key': key }, stations[0]);
    expect(response.body.errors).toBeUndefined();
    expect(await storedReports(reportId)).toBe(1);
    expect(forwarded.at(-1)).toEqual({
      roles: ['sensor'],
      subject: `apikey:${id}`,
      devices: [`waste-station:${stations[0].id}`],
    });
  });

  it('refuses a fill level or a collection for another station, naming it, and stores nothing', async () => {
    const { key } = await sensorKey(`waste-station:${stations[0].id}`);
    const { reportId, response } = await reportFillLevel({ 'x-api-key': key }, stations[1]);
    expectForbiddenFor(response, [`waste-station:${stations[1].id}`]);
    expect(response.body.data).toBeNull();
    expect(await storedReports(reportId)).toBe(0);

    const collectionId = uniqueId('collection');
    const collection = await postOperation(
      platform.gateway.url,
      COLLECTION,
      { 'x-api-key': key },
      {
        input: {
          collectionId,
          stationId: stations[1].id,
          stream: stations[1].stream,
          collectedAt: new Date(Date.now() - 60_000).toISOString(),
          weightKg: 80,
        },
      },
    );
    expectForbiddenFor(collection, [`waste-station:${stations[1].id}`]);
    const [row] = await wasteDb.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM waste_collection WHERE id = $1',
      [collectionId],
    );
    expect(row.count).toBe(0);
  });

  it('accepts readings of its own meters', async () => {
    const { key } = await sensorKey(...meters.map((meter) => `meter:${meter}`));
    const { readingIds, response } = await recordReadings({ 'x-api-key': key }, meters);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ recordMeterReadings: { recorded: 2 } });
    expect(await storedReadings(readingIds)).toBe(2);
  });

  it('refuses a whole batch with one foreign meter, naming only that one, and stores none of it', async () => {
    const { key } = await sensorKey(`meter:${meters[0]}`);
    const { readingIds, response } = await recordReadings({ 'x-api-key': key }, [
      meters[0],
      meters[1],
      meters[0],
    ]);
    expectForbiddenFor(response, [`meter:${meters[1]}`]);
    expect(await storedReadings(readingIds)).toBe(0);
  });

  it('does not let a meter key report for a station of the same id space', async () => {
    const { key } = await sensorKey(`meter:${stations[0].id}`);
    const { reportId, response } = await reportFillLevel({ 'x-api-key': key }, stations[0]);
    expectForbiddenFor(response, [`waste-station:${stations[0].id}`]);
    expect(await storedReports(reportId)).toBe(0);
  });

  it('answers 401 to a revoked sensor key and stores nothing', async () => {
    const { key, id } = await sensorKey(`meter:${meters[0]}`);
    expect((await apikey(['revoke', id])).code).toBe(0);
    const { readingIds, response } = await recordReadings({ 'x-api-key': key }, [meters[0]]);
    expect(response.status).toBe(401);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(await storedReadings(readingIds)).toBe(0);
  });

  it('lets the operator report for any device', async () => {
    const operator = { 'x-api-key': operatorKey };
    const report = await reportFillLevel(operator, stations[1]);
    expect(report.response.body.errors).toBeUndefined();
    expect(await storedReports(report.reportId)).toBe(1);
    const readings = await recordReadings(operator, meters);
    expect(readings.response.body.errors).toBeUndefined();
    expect(await storedReadings(readings.readingIds)).toBe(2);
  });

  it('keeps other roles out of ingestion whatever devices they claim', async () => {
    const researcher = await apikey(['create', '--role', 'researcher', '--label', 'not a sensor']);
    const key = /key:\s+(\S+)/.exec(researcher.output)![1];
    const { readingIds, response } = await recordReadings({ 'x-api-key': key }, [meters[0]]);
    expect(codes(response)).toEqual(['FORBIDDEN']);
    const token = await bearer({ sub: 'volunteer-1', roles: ['volunteer'], devices: [`meter:${meters[0]}`] });
    const asVolunteer = await recordReadings({ authorization: `Bearer ${token}` }, [meters[0]]);
    expect(codes(asVolunteer.response)).toEqual(['FORBIDDEN']);
    expect(await storedReadings([...readingIds, ...asVolunteer.readingIds])).toBe(0);
  });
});

describe('sensor tokens bound by their devices claim', () => {
  it('accepts its own meter and refuses another', async () => {
    const token = await bearer({ sub: 'concentrator-7', roles: ['sensor'], devices: [`meter:${meters[1]}`] });
    const headers = { authorization: `Bearer ${token}` };
    const own = await recordReadings(headers, [meters[1]]);
    expect(own.response.body.errors).toBeUndefined();
    expect(await storedReadings(own.readingIds)).toBe(1);
    const foreign = await recordReadings(headers, [meters[0]]);
    expectForbiddenFor(foreign.response, [`meter:${meters[0]}`]);
    expect(await storedReadings(foreign.readingIds)).toBe(0);
  });

  it('gives a sensor token without a devices claim no device', async () => {
    const token = await bearer({ sub: 'concentrator-8', roles: ['sensor'] });
    const { readingIds, response } = await recordReadings({ authorization: `Bearer ${token}` }, [meters[0]]);
    expectForbiddenFor(response, [`meter:${meters[0]}`]);
    expect(await storedReadings(readingIds)).toBe(0);
  });

  it('answers 401 to a malformed devices claim instead of reading it as fewer devices', async () => {
    for (const devices of [`meter:${meters[0]}`, [`meter:${meters[0]}`, 42], ['boiler:7']]) {
      const token = await bearer({ sub: 'concentrator-9', roles: ['sensor'], devices });
      const { response } = await recordReadings({ authorization: `Bearer ${token}` }, [meters[0]]);
      expect(response.status, JSON.stringify(devices)).toBe(401);
      expect(response.body.errors?.[0].message).toMatch(/"devices" claim/);
    }
  });
});

describe('apikey command and devices', () => {
  it('refuses a sensor key without devices, devices on another role, and malformed devices', async () => {
    const refused = [
      ['create', '--role', 'sensor', '--label', 'no devices'],
      ['create', '--role', 'operator', '--label', 'operator', '--device', `meter:${meters[0]}`],
      ['create', '--role', 'sensor', '--label', 'bad', '--device', meters[0]],
      ['create', '--role', 'sensor', '--label', 'bad kind', '--device', 'boiler:1'],
    ];
    for (const args of refused) {
      const { code, output } = await apikey(args);
      expect(code, args.join(' ')).toBe(2);
      expect(output).toMatch(/device/);
    }
  });

  it('lists each key with its devices, and the keys holding a device', async () => {
    const station = `waste-station:${stations[1].id}`;
    const { id } = await sensorKey(station, `meter:${meters[1]}`);
    const all = await apikey(['list']);
    expect(all.code).toBe(0);
    expect(all.output).toContain(id);
    expect(all.output).toMatch(new RegExp(`devices: .*meter:${meters[1]}`));

    const holders = await apikey(['list', '--device', station]);
    expect(holders.output).toContain(id);
    const keyLines = holders.output.split('\n').filter((line) => !line.startsWith(' '));
    expect(keyLines).toHaveLength(1);
  });

  it('moves a key to another meter without re-issuing it, effective on its next request', async () => {
    const { key, id } = await sensorKey(`meter:${meters[0]}`);
    const headers = { 'x-api-key': key };
    const moved = await apikey([
      'devices',
      id,
      '--add',
      `meter:${meters[1]}`,
      '--remove',
      `meter:${meters[0]}`,
    ]);
    expect(moved.code, moved.output).toBe(0);
    expect(moved.output).toBe(`devices: meter:${meters[1]}`);
    const now = await recordReadings(headers, [meters[1]]);
    expect(now.response.body.errors).toBeUndefined();
    const before = await recordReadings(headers, [meters[0]]);
    expectForbiddenFor(before.response, [`meter:${meters[0]}`]);
    expect(await storedReadings([...now.readingIds, ...before.readingIds])).toBe(1);

    const emptied = await apikey(['devices', id, '--remove', `meter:${meters[1]}`]);
    expect(emptied.code).toBe(2);
    expect(emptied.output).toMatch(/at least one device.*nothing changed/);
    expect((await apikey(['list', '--device', `meter:${meters[1]}`])).output).toContain(id);

    const researcher = await apikey(['create', '--role', 'researcher', '--label', 'no devices']);
    const researcherId = /id:\s+(\S+)/.exec(researcher.output)![1];
    expect((await apikey(['devices', researcherId, '--add', `meter:${meters[0]}`])).code).toBe(1);
    expect((await apikey(['devices', id, '--add', 'boiler:1'])).code).toBe(2);
  });
});
