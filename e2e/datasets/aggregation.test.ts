import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';

let platform: TestPlatform;
let database: Client;

beforeAll(async () => {
  platform = await startTestPlatform(['territory', 'energy']);
  database = new Client({ connectionString: platform.databaseUrl });
  await database.connect();
});
afterAll(async () => {
  await database?.end();
  await platform?.stop();
});

const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

interface Bucket {
  start: string;
  totalKwh: number;
  maximumKwh: number;
  readings: number;
  intensityKwhPerM2: number | null;
}

describe('server-side aggregation of meter readings', () => {
  it('equals the same figures computed from the raw readings', async () => {
    // The generated window only: live-ingestion tests may add readings after it meanwhile.
    const range = await database.query<{ first: Date; last: Date }>(
      `SELECT min(observed_at) AS first, max(observed_at) AS last FROM energy.meter_reading WHERE provenance = 'GENERATED'`,
    );
    const from = range.rows[0].first;
    const to = new Date(range.rows[0].last.getTime() + 1);
    const result = await platform.query<{ energyConsumption: Bucket[] }>(
      `query ($from: DateTime!, $to: DateTime!) {
        energyConsumption(filter: { arrondissement: 17, granularity: DAY, from: $from, to: $to }) {
          start totalKwh maximumKwh readings intensityKwhPerM2
        }
      }`,
      { from: from.toISOString(), to: to.toISOString() },
    );
    expect(result.errors).toBeUndefined();

    // The same aggregation done by hand in JavaScript from every raw reading.
    const raw = await database.query<{ observed_at: Date; value: number }>(
      `SELECT r.observed_at, r.value FROM energy.meter_reading r
         JOIN energy.meter m ON m.id = r.meter_id JOIN energy.building b ON b.id = m.building_id
        WHERE b.arrondissement_code = 17 AND m.kind IN ('HEAT', 'ELECTRICITY', 'GAS')
          AND r.observed_at >= $1 AND r.observed_at < $2`,
      [from, to],
    );
    const expected = new Map<string, { total: number; maximum: number; readings: number }>();
    for (const row of raw.rows) {
      const day = parisDay.format(row.observed_at);
      const bucket = expected.get(day) ?? { total: 0, maximum: 0, readings: 0 };
      bucket.total += row.value;
      bucket.maximum = Math.max(bucket.maximum, row.value);
      bucket.readings += 1;
      expected.set(day, bucket);
    }
    const buckets = result.data?.energyConsumption ?? [];
    expect(buckets.map((bucket) => parisDay.format(new Date(bucket.start)))).toEqual(
      [...expected.keys()].sort(),
    );
    for (const bucket of buckets) {
      const reference = expected.get(parisDay.format(new Date(bucket.start)));
      expect(bucket.readings).toBe(reference?.readings);
      expect(bucket.totalKwh).toBeCloseTo(reference?.total ?? Number.NaN, 6);
      expect(bucket.maximumKwh).toBeCloseTo(reference?.maximum ?? Number.NaN, 9);
      expect(bucket.intensityKwhPerM2).toBeGreaterThan(0);
    }
  });

  it('refuses mixing units, two scopes, reversed ranges and too many buckets', async () => {
    const attempts = [
      '{ energyConsumption(filter: { kinds: [WATER, HEAT], granularity: DAY, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" }) { start } }',
      '{ energyConsumption(filter: { arrondissement: 17, districtId: "clichy-batignolles", granularity: DAY, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" }) { start } }',
      '{ energyConsumption(filter: { granularity: DAY, from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { start } }',
      '{ energyConsumption(filter: { granularity: HOUR, from: "2000-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { start } }',
    ];
    for (const query of attempts) {
      const result = await platform.query(query);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
