import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';

const OPERATOR_KEY = 'rollups-e2e-operator-key';
const operator = { 'x-api-key': OPERATOR_KEY };

let platform: TestPlatform;
let database: Client;

interface Bucket {
  start: string;
  totalKwh: number;
  averageKwh: number;
  minimumKwh: number;
  maximumKwh: number;
  peakPowerKw: number | null;
  intensityKwhPerM2: number | null;
  readings: number;
}

interface Place {
  meterId: string;
  buildingId: string;
  districtId: string;
  arrondissement: number;
}

const CONSUMPTION = `query ($filter: EnergyConsumptionInput!) {
  energyConsumption(filter: $filter) {
    start totalKwh averageKwh minimumKwh maximumKwh peakPowerKw intensityKwhPerM2 readings
  }
}`;

const RECORD = `mutation ($input: RecordMeterReadingsInput!) {
  recordMeterReadings(input: $input) { recorded replayed } }`;

const GRANULARITIES = ['HOUR', 'DAY', 'WEEK', 'MONTH'] as const;

/** A Paris-calendar bucket unit for PostgreSQL's date_trunc. */
const unitOf = (granularity: (typeof GRANULARITIES)[number]) => granularity.toLowerCase();

async function consumption(filter: Record<string, unknown>): Promise<Bucket[]> {
  const result = await platform.query<{ energyConsumption: Bucket[] }>(CONSUMPTION, { filter });
  expect(result.errors).toBeUndefined();
  return result.data?.energyConsumption ?? [];
}

/** One millisecond off a whole hour: no roll-up tiles the range, the raw readings answer. */
const offTheHour = (instant: Date) => new Date(instant.getTime() - 1);

/**
 * The same buckets recomputed from the raw readings alone, with PostgreSQL's own time-zone
 * truncation and float sums: nothing shared with the service's statements.
 */
async function recomputed(
  granularity: (typeof GRANULARITIES)[number],
  from: Date,
  to: Date,
  scope: { column: string; value: string | number } | undefined,
) {
  const { rows } = await database.query<{
    start: Date;
    total: number;
    minimum: number;
    maximum: number;
    peak: number | null;
    readings: number;
  }>(
    `SELECT date_trunc($1, r.observed_at, 'Europe/Paris') AS start, sum(r.value) AS total, min(r.value) AS minimum,
            max(r.value) AS maximum, max(r.power) AS peak, count(*)::int AS readings
       FROM energy.meter_reading r JOIN energy.meter m ON m.id = r.meter_id JOIN energy.building b ON b.id = m.building_id
      WHERE r.observed_at >= $2 AND r.observed_at < $3 AND m.kind IN ('HEAT', 'ELECTRICITY', 'GAS')
        AND ${scope ? `${scope.column} = $4` : 'true'}
      GROUP BY 1 ORDER BY 1`,
    [unitOf(granularity), from, to, ...(scope ? [scope.value] : [])],
  );
  return rows;
}

/**
 * Every roll-up row that differs from a full recomputation over the raw readings (none when in
 * step). The generated daily history around retrofits (days with no reading kept) is left out.
 */
async function rollUpDrift(): Promise<number> {
  const { rows } = await database.query<{ drift: number }>(
    `WITH hourly AS (
       SELECT meter_id, date_trunc('hour', observed_at, 'UTC') AS hour_start, sum(value::numeric) AS total,
              count(*)::int AS readings, min(value) AS minimum, max(value) AS maximum, max(power) AS peak
         FROM energy.meter_reading GROUP BY 1, 2
     ), daily AS (
       SELECT meter_id, date_trunc('day', observed_at, 'Europe/Paris') AS day_start, sum(value::numeric) AS total,
              count(*)::int AS readings, min(value) AS minimum, max(value) AS maximum, max(power) AS peak
         FROM energy.meter_reading GROUP BY 1, 2
     )
     SELECT ((SELECT count(*) FROM (SELECT * FROM hourly EXCEPT SELECT * FROM energy.meter_reading_hourly) AS missing)
           + (SELECT count(*) FROM (SELECT * FROM energy.meter_reading_hourly EXCEPT SELECT * FROM hourly) AS extra)
           + (SELECT count(*) FROM (SELECT * FROM daily EXCEPT SELECT * FROM energy.meter_reading_daily) AS missing)
           + (SELECT count(*) FROM (SELECT * FROM energy.meter_reading_daily
                                     WHERE (meter_id, day_start) IN (SELECT meter_id, day_start FROM daily)
                                    EXCEPT SELECT * FROM daily) AS extra)
           )::int AS drift`,
  );
  return rows[0].drift;
}

let place: Place;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'energy']);
  database = new Client({ connectionString: platform.databaseUrl });
  await database.connect();
  // A supervised building of a district, far down the list: other tests record readings for the first and last ones.
  // Without a daily history before the generated readings, so every roll-up of its meter comes from readings.
  const { rows } = await database.query<Place>(
    `SELECT m.id AS "meterId", b.id AS "buildingId", b.district_id AS "districtId", b.arrondissement_code AS arrondissement
       FROM energy.building b JOIN energy.meter m ON m.building_id = b.id
      WHERE b.heating_supervised AND b.district_id IS NOT NULL AND m.kind = 'HEAT'
        AND NOT EXISTS (SELECT 1 FROM energy.meter_reading_daily d
                         WHERE d.meter_id = m.id
                           AND d.day_start < (SELECT date_trunc('day', min(observed_at), 'Europe/Paris')
                                                FROM energy.meter_reading WHERE provenance = 'GENERATED'))
      ORDER BY b.id OFFSET 3 LIMIT 1`,
  );
  place = rows[0];
});
afterAll(async () => {
  await database?.end();
  await platform?.stop();
});

describe('roll-ups of meter readings', () => {
  it('answer every granularity and scope exactly as the raw readings do, and as a recomputation', async () => {
    // The generated window only (live-ingestion tests add readings after it): whole UTC hours,
    // and the whole Paris days inside it.
    const { rows } = await database.query<{ first: Date; last: Date; firstDay: Date; lastDay: Date }>(
      `SELECT min(observed_at) - interval '15 minutes' AS first, max(observed_at) AS last,
              date_trunc('day', min(observed_at), 'Europe/Paris') AS "firstDay",
              date_trunc('day', max(observed_at), 'Europe/Paris') AS "lastDay"
         FROM energy.meter_reading WHERE provenance = 'GENERATED'`,
    );
    const { first, last, firstDay, lastDay } = rows[0];
    expect(firstDay < lastDay).toBe(true);
    const scopes = [
      { filter: {}, column: undefined },
      { filter: { buildingId: place.buildingId }, column: 'b.id', value: place.buildingId },
      { filter: { meterId: place.meterId }, column: 'm.id', value: place.meterId },
      { filter: { districtId: place.districtId }, column: 'b.district_id', value: place.districtId },
      {
        filter: { arrondissement: place.arrondissement },
        column: 'b.arrondissement_code',
        value: place.arrondissement,
      },
    ];
    for (const granularity of GRANULARITIES) {
      for (const scope of scopes) {
        const ranges = [
          // Daily roll-up (hourly for HOUR): Paris midnight to Paris midnight.
          { from: firstDay, to: lastDay },
          // Hourly roll-up: on the hour, not at Paris midnights.
          { from: first, to: last },
        ];
        for (const { from, to } of ranges) {
          const filter = { ...scope.filter, granularity, from: from.toISOString(), to: to.toISOString() };
          const rolledUp = await consumption(filter);
          const raw = await consumption({ ...filter, from: offTheHour(from).toISOString() });
          expect(rolledUp.length).toBeGreaterThan(0);
          expect(rolledUp).toEqual(raw);

          const expected = await recomputed(
            granularity,
            from,
            to,
            scope.column ? { column: scope.column, value: scope.value as string | number } : undefined,
          );
          expect(rolledUp.map((bucket) => new Date(bucket.start).getTime())).toEqual(
            expected.map((row) => row.start.getTime()),
          );
          rolledUp.forEach((bucket, index) => {
            const row = expected[index];
            expect(bucket.readings).toBe(row.readings);
            expect(bucket.totalKwh).toBeCloseTo(row.total, 6);
            expect(bucket.averageKwh).toBeCloseTo(row.total / row.readings, 9);
            expect(bucket.minimumKwh).toBe(row.minimum);
            expect(bucket.maximumKwh).toBe(row.maximum);
            expect(bucket.peakPowerKw).toBe(row.peak);
          });
        }
      }
    }
  });

  it('take in recorded readings once, across the autumn clock change, and ignore a replay', async () => {
    expect(await rollUpDrift()).toBe(0);
    // Every 15 minutes from 00:00 to 06:00 Paris time on the night summer time ends (02:00 comes
    // twice), plus a reading of each other month so weeks and months span several days' roll-ups.
    const start = Date.parse('2025-10-25T22:00:00Z');
    const instants = Array.from({ length: 29 }, (_, index) => start + index * 15 * 60_000);
    instants.push(Date.parse('2025-09-30T12:00:00Z'), Date.parse('2025-11-03T12:00:00Z'));
    const readings = instants.map((instant, index) => ({
      readingId: `rollups-e2e-${process.pid}-${index}`,
      meterId: place.meterId,
      observedAt: new Date(instant).toISOString(),
      value: 1 + ((index * 7) % 13) / 8,
      power: 4 + ((index * 5) % 11) / 4,
    }));
    // Two batches that feed the same hours and days, then the first one again.
    const odd = readings.filter((_, index) => index % 2 === 1);
    const even = readings.filter((_, index) => index % 2 === 0);
    const sent = [
      await platform.query<{ recordMeterReadings: { recorded: number } }>(
        RECORD,
        { input: { readings: odd } },
        operator,
      ),
      await platform.query<{ recordMeterReadings: { recorded: number } }>(
        RECORD,
        { input: { readings: even } },
        operator,
      ),
      await platform.query<{ recordMeterReadings: { recorded: number } }>(
        RECORD,
        { input: { readings: odd } },
        operator,
      ),
    ];
    expect(sent.map((result) => result.errors)).toEqual([undefined, undefined, undefined]);
    expect(sent.map((result) => result.data?.recordMeterReadings.recorded)).toEqual([
      odd.length,
      even.length,
      0,
    ]);
    expect(await rollUpDrift()).toBe(0);

    const scope = { meterId: place.meterId };
    const night = await consumption({
      ...scope,
      granularity: 'HOUR',
      from: '2025-10-25T22:00:00Z',
      to: '2025-10-26T05:00:00Z',
    });
    expect(night).toEqual(
      await consumption({
        ...scope,
        granularity: 'HOUR',
        from: '2025-10-25T21:59:59.999Z',
        to: '2025-10-26T05:00:00Z',
      }),
    );
    // Paris hours 00 to 05, the two 02:00 hours in one bucket.
    expect(night.map((bucket) => bucket.readings)).toEqual([4, 4, 8, 4, 4, 4]);

    for (const granularity of ['DAY', 'WEEK', 'MONTH']) {
      // September 1st to December 1st, Paris midnights: the daily roll-up.
      const filter = { ...scope, granularity, from: '2025-08-31T22:00:00Z', to: '2025-11-30T23:00:00Z' };
      const rolledUp = await consumption(filter);
      expect(rolledUp).toEqual(await consumption({ ...filter, from: '2025-08-31T21:59:59.999Z' }));
      expect(rolledUp.reduce((sum, bucket) => sum + bucket.readings, 0)).toBe(readings.length);
    }
    const months = await consumption({
      ...scope,
      granularity: 'MONTH',
      from: '2025-08-31T22:00:00Z',
      to: '2025-11-30T23:00:00Z',
    });
    expect(months.map((bucket) => [bucket.start, bucket.readings])).toEqual([
      ['2025-08-31T22:00:00.000Z', 1],
      ['2025-09-30T22:00:00.000Z', 29],
      ['2025-10-31T23:00:00.000Z', 1],
    ]);
  });
});
