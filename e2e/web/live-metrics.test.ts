import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { OPERATOR_KEY, Recorder, reportFillLevel, wsClient } from '#test/live-clients';

/** The public live metrics the dashboard reads: anonymous callers, no personal data. */
let platform: TestPlatform;
beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'energy', 'waste', 'mobility']);
});
afterAll(() => platform?.stop());

interface Load {
  eventId: string;
  powerKw: number;
  reportingMeters: number;
  arrondissements: { arrondissement: { code: number; name: string }; powerKw: number }[];
}

describe('energy load', () => {
  it('gives the city load as the sum of its arrondissements', async () => {
    const result = await platform.query<{ energyLoad: Load }>(`{
      energyLoad(intervalSeconds: 3600) { eventId powerKw reportingMeters arrondissements { arrondissement { code name } powerKw } } }`);
    expect(result.errors).toBeUndefined();
    const load = result.data!.energyLoad;
    expect(Number(load.eventId) % 3600).toBe(0);
    const sum = load.arrondissements.reduce((total, entry) => total + entry.powerKw, 0);
    expect(load.powerKw).toBeCloseTo(sum, 6);
    for (const entry of load.arrondissements) expect(entry.arrondissement.name).toBeTruthy();
  });

  it('streams one interval per event and resumes after the last eventId without a gap', async () => {
    const now = Math.floor(Date.now() / 1000 / 60) * 60;
    const client = wsClient(platform.gateway);
    const recorder = new Recorder<{ energyLoad: Load }>(
      client,
      `subscription ($after: ID) { energyLoad(intervalSeconds: 60, arrondissement: 17, after: $after) {
        eventId powerKw arrondissements { arrondissement { code } powerKw } } }`,
      { after: String(now - 180) },
    );
    await recorder.waitFor(3);
    recorder.close();
    await client.dispose();
    expect(recorder.data.slice(0, 3).map((data) => Number(data.energyLoad.eventId))).toEqual([
      now - 120,
      now - 60,
      now,
    ]);
    for (const { energyLoad } of recorder.data)
      expect(energyLoad.arrondissements.every((entry) => entry.arrondissement.code === 17)).toBe(true);
  });

  it('refuses an interval out of bounds, naming the argument', async () => {
    const result = await platform.query(`{ energyLoad(intervalSeconds: 2) { eventId } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('intervalSeconds');
  });
});

describe('fill-level alerts per arrondissement', () => {
  it('counts a container that rises past the threshold, and pushes the new count', async () => {
    const station = 'TRILIB-14-0003';
    await reportFillLevel(platform, station, 0.1);
    const before = await platform.query<{
      wasteAlertCounts: { arrondissement: { code: number }; alertingContainers: number }[];
    }>(`{ wasteAlertCounts { arrondissement { code } alertingContainers alertingStations } }`);
    expect(before.data?.wasteAlertCounts).toHaveLength(20);
    const fourteenth = before.data!.wasteAlertCounts.find((count) => count.arrondissement.code === 14)!;

    const client = wsClient(platform.gateway);
    const recorder = new Recorder<{
      wasteAlertCountChanged: { arrondissement: { code: number }; alertingContainers: number };
    }>(
      client,
      `subscription { wasteAlertCountChanged(arrondissement: 14) { eventId arrondissement { code } alertingContainers } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reportFillLevel(platform, station, 0.97);
    await recorder.waitFor(1);
    recorder.close();
    await client.dispose();
    expect(recorder.data[0].wasteAlertCountChanged).toEqual({
      eventId: expect.any(String),
      arrondissement: { code: 14 },
      alertingContainers: fourteenth.alertingContainers + 1,
    });
  });
});

describe('open accompaniment requests per arrondissement', () => {
  it('are public counts, those under 5 withheld', async () => {
    const result = await platform.query<{
      openAccompanimentRequestCounts: {
        arrondissements: {
          arrondissement: { code: number };
          openRequests: number | null;
          suppressed: boolean;
        }[];
      };
    }>(
      `{ openAccompanimentRequestCounts { eventId at arrondissements { arrondissement { code } openRequests suppressed } } }`,
    );
    expect(result.errors).toBeUndefined();
    const counts = result.data!.openAccompanimentRequestCounts.arrondissements;
    expect(counts.map((count) => count.arrondissement.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (const count of counts) {
      if (count.suppressed) expect(count.openRequests).toBeNull();
      else expect(count.openRequests).toBeGreaterThanOrEqual(5);
    }
  });

  it('agree with what operators see, cell by cell', async () => {
    const open = await platform.query<{ accompanimentRequests: { totalCount: number } }>(
      `{ accompanimentRequests(first: 1, filter: { status: OPEN, arrondissement: 18 }) { totalCount } }`,
      {},
      { 'x-api-key': OPERATOR_KEY },
    );
    expect(open.errors).toBeUndefined();
    const published = await platform.query<{
      openAccompanimentRequestCounts: {
        arrondissements: { openRequests: number | null; suppressed: boolean }[];
      };
    }>(`{ openAccompanimentRequestCounts { arrondissements { openRequests suppressed } } }`);
    const eighteenth = published.data!.openAccompanimentRequestCounts.arrondissements[17];
    const total = open.data!.accompanimentRequests.totalCount;
    expect(eighteenth).toEqual(
      total < 5 ? { openRequests: null, suppressed: true } : { openRequests: total, suppressed: false },
    );
  });
});
