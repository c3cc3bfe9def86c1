import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, migrate } from '#platform/database';
import { buildingId, MIN_BUILDINGS_PER_ARRONDISSEMENT } from '../identifiers';
import { energy } from '#app/registry';
import { HeatingSystem } from '#energy/modules/building/building.entity';
import { MeterKind } from '#energy/modules/meter/meter.entity';
import { energyClassOf, generateBuildingStock } from './buildings';
import { seedEnergy } from './index';
import { generateReadings, readingWindowPlan, type ReadingWindowPlan } from './readings';
import { ParisWeather } from './load-profiles';
import {
  dailyHistorySpans,
  generateRetrofits,
  parisDayStart,
  parisMidnight,
  retrofitEffects,
  shiftYears,
  type RetrofitEffect,
} from './retrofits';
import { generateDailyHistory } from './daily-history';
import { RetrofitService } from '#energy/modules/retrofit/retrofit.service';

const SEED = 7;
/** The load model alone: readings at the buildings' audited (after-works) consumption. */
const NO_RETROFITS = new Map<string, RetrofitEffect>();

describe('building stock generator', () => {
  const stock = generateBuildingStock(SEED);

  it('is reproducible from its seed, and another seed gives another city', () => {
    expect(generateBuildingStock(SEED)).toEqual(stock);
    const other = generateBuildingStock(SEED + 1);
    expect(other.buildings.map((building) => building.floorAreaM2)).not.toEqual(
      stock.buildings.map((building) => building.floorAreaM2),
    );
  });

  it('has the brochure figures and the ids other subgraphs rely on', () => {
    expect(stock.buildings).toHaveLength(1800);
    expect(stock.buildings.filter((building) => building.heatingSupervised)).toHaveLength(1500);
    const ecoDistrict = stock.buildings.filter((building) => building.districtId === 'clichy-batignolles');
    expect(ecoDistrict).toHaveLength(240);
    expect(
      ecoDistrict.every((building) => building.arrondissementCode === 17 && building.heatingSupervised),
    ).toBe(true);
    const ids = new Set(stock.buildings.map((building) => building.id));
    expect(ids.size).toBe(1800);
    for (let code = 1; code <= 20; code += 1) {
      for (let index = 1; index <= MIN_BUILDINGS_PER_ARRONDISSEMENT; index += 1)
        expect(ids.has(buildingId(code, index))).toBe(true);
      const townHalls = stock.buildings.filter(
        (b) => b.arrondissementCode === code && b.category === 'TOWN_HALL',
      );
      expect(townHalls.map((b) => b.id)).toEqual([buildingId(code, 1)]);
    }
  });

  it('labels each building with the DPE class of its intensity, and meters its heating fuel', () => {
    const kindsByBuilding = new Map<string, MeterKind[]>();
    for (const meter of stock.meters)
      kindsByBuilding.set(meter.buildingId, [...(kindsByBuilding.get(meter.buildingId) ?? []), meter.kind]);
    for (const building of stock.buildings) {
      expect(building.energyClass).toBe(energyClassOf(building.annualConsumptionKwhPerM2));
      const kinds = kindsByBuilding.get(building.id) ?? [];
      expect(kinds).toContain('ELECTRICITY');
      expect(kinds).toContain('WATER');
      expect(kinds.includes(MeterKind.GAS)).toBe(building.heatingSystem === HeatingSystem.GAS_BOILER);
      expect(kinds.includes(MeterKind.HEAT)).toBe(
        building.heatingSystem === HeatingSystem.DISTRICT_HEATING ||
          building.heatingSystem === HeatingSystem.GEOTHERMAL_NETWORK,
      );
    }
    expect(energyClassOf(70)).toBe('A');
    expect(energyClassOf(70.1)).toBe('B');
    expect(energyClassOf(421)).toBe('G');
  });

  const openDataDir = inject('openDataDir');
  it.skipIf(!openDataDir)('places every building inside its arrondissement (official boundaries)', () => {
    const collection = JSON.parse(
      readFileSync(path.join(openDataDir as string, 'arrondissements.geojson'), 'utf8'),
    ) as {
      features: { properties: { c_ar: number }; geometry: { coordinates: number[][][] } }[];
    };
    const inside = (ring: number[][], x: number, y: number) => {
      let result = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
      }
      return result;
    };
    const misplaced = stock.buildings.filter((building) => {
      const feature = collection.features.find(
        (candidate) => candidate.properties.c_ar === building.arrondissementCode,
      );
      return !inside(feature?.geometry.coordinates[0] ?? [], building.longitude, building.latitude);
    });
    expect(misplaced.map((building) => building.id)).toEqual([]);
  });
});

describe('load model', () => {
  const { buildings, meters } = generateBuildingStock(SEED);
  const yearWindow: ReadingWindowPlan = {
    start: new Date(Date.UTC(2023, 0, 1)),
    end: new Date(Date.UTC(2024, 0, 1)),
    intervals: 365 * 96,
  };
  const school = buildings.find(
    (b) => b.category === 'SCHOOL' && b.heatingSupervised && b.heatingSystem === 'DISTRICT_HEATING',
  );
  if (!school) throw new Error('the stock has supervised schools on district heating');
  const readings = [
    ...generateReadings(
      SEED,
      [school],
      meters.filter((meter) => meter.buildingId === school.id),
      yearWindow,
      NO_RETROFITS,
    ),
  ];
  const sum = (kind: string, keep: (date: Date) => boolean = () => true) =>
    readings
      .filter((reading) => reading.meterId.endsWith(kind) && keep(new Date(reading.observedAtMs)))
      .reduce((total, reading) => total + reading.value, 0);

  it('adds a year of 15-minute energy readings up to about the audited annual consumption', () => {
    expect(readings.filter((reading) => reading.meterId.endsWith('-HEAT'))).toHaveLength(365 * 96);
    const annual = school.annualConsumptionKwhPerM2 * school.floorAreaM2;
    const measured = sum('-HEAT') + sum('-ELECTRICITY');
    expect(measured / annual).toBeGreaterThan(0.9);
    expect(measured / annual).toBeLessThan(1.1);
  });

  it('heats in winter, not in summer; uses electricity on school days more than at weekends', () => {
    expect(sum('-HEAT', (date) => date.getUTCMonth() === 0)).toBeGreaterThan(
      10 * sum('-HEAT', (date) => date.getUTCMonth() === 6),
    );
    const weekday = (date: Date) =>
      date.getUTCMonth() === 2 && date.getUTCDay() === 2 && date.getUTCHours() === 10;
    const sunday = (date: Date) =>
      date.getUTCMonth() === 2 && date.getUTCDay() === 0 && date.getUTCHours() === 10;
    expect(sum('-ELECTRICITY', weekday)).toBeGreaterThan(2 * sum('-ELECTRICITY', sunday));
    expect(new ParisWeather(SEED).temperature(Date.UTC(2023, 0, 20, 6))).toBeLessThan(
      new ParisWeather(SEED).temperature(Date.UTC(2023, 6, 20, 14)),
    );
  });

  it('gives an instant the same value whatever the window around it', () => {
    const late: ReadingWindowPlan = {
      start: new Date(Date.UTC(2023, 5, 10, 13)),
      end: new Date(Date.UTC(2023, 5, 11)),
      intervals: 44,
    };
    const windowed = [
      ...generateReadings(
        SEED,
        [school],
        meters.filter((meter) => meter.buildingId === school.id),
        late,
        NO_RETROFITS,
      ),
    ];
    expect(windowed).toHaveLength(44 * 3);
    for (const reading of windowed) {
      expect(reading).toEqual(
        readings.find((r) => r.meterId === reading.meterId && r.observedAtMs === reading.observedAtMs),
      );
    }
  });

  it('raises the energy readings from before the works by the saving the works achieved, not water', () => {
    const retrofits = generateRetrofits(SEED, buildings);
    const effect = retrofitEffects(SEED, retrofits).get(school.id) as RetrofitEffect;
    const around: ReadingWindowPlan = {
      start: new Date(effect.completedMs - 2 * 86_400_000),
      end: new Date(effect.completedMs + 2 * 86_400_000),
      intervals: 4 * 96,
    };
    const schoolMeters = meters.filter((meter) => meter.buildingId === school.id);
    const plain = [...generateReadings(SEED, [school], schoolMeters, around, NO_RETROFITS)];
    const retrofitted = [
      ...generateReadings(SEED, [school], schoolMeters, around, new Map([[school.id, effect]])),
    ];
    expect(retrofitted).toHaveLength(plain.length);
    retrofitted.forEach((reading, index) => {
      const expected =
        plain[index].value *
        (reading.observedAtMs <= effect.completedMs && !reading.meterId.endsWith('-WATER')
          ? effect.beforeFactor
          : 1);
      expect(reading.value).toBeCloseTo(expected, 2);
    });
    expect(effect.beforeFactor).toBeGreaterThan(1);
    // Achieved: 30–130 % of what the audit expected, 85 % on average (the performance gap).
    const shares = retrofits.map((retrofit) => {
      const factor = retrofitEffects(SEED, [retrofit]).get(retrofit.buildingId)?.beforeFactor as number;
      return (100 * (1 - 1 / factor)) / retrofit.expectedSavingPercent;
    });
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0.3 - 1e-9);
    expect(Math.max(...shares)).toBeLessThanOrEqual(1.3 + 1e-9);
    expect(shares.reduce((sum, share) => sum + share, 0) / shares.length).toBeCloseTo(0.85, 1);
  });

  it('rolls up a daily history exactly as the readings of its days would be, across a clock change', () => {
    const retrofits = new Map([
      [school.id, { completedMs: parisMidnight('2023-03-27'), beforeFactor: 1.25 }],
    ]);
    const span = { fromMs: parisMidnight('2023-03-24'), toMs: parisMidnight('2023-03-29') };
    const schoolMeters = meters.filter((meter) => meter.buildingId === school.id);
    const history = [
      ...generateDailyHistory(SEED, buildings, schoolMeters, new Map([[school.id, span]]), retrofits),
    ];
    // The readings whose end falls in the span, grouped by the Paris day of their end, as the roll-up does.
    const window = {
      start: new Date(span.fromMs - 15 * 60_000),
      end: new Date(span.toMs - 15 * 60_000),
      intervals: 0,
    };
    const expected = new Map<
      string,
      { total: number; readings: number; minimum: number; maximum: number; peak: number | null }
    >();
    for (const reading of generateReadings(SEED, [school], schoolMeters, window, retrofits)) {
      if (reading.meterId.endsWith('-WATER')) continue;
      const key = `${reading.meterId}@${parisDayStart(reading.observedAtMs)}`;
      const day = expected.get(key) ?? {
        total: 0,
        readings: 0,
        minimum: Infinity,
        maximum: -Infinity,
        peak: null,
      };
      day.total += Math.round(reading.value * 1000);
      day.readings += 1;
      day.minimum = Math.min(day.minimum, reading.value);
      day.maximum = Math.max(day.maximum, reading.value);
      day.peak = Math.max(day.peak ?? -Infinity, reading.power as number);
      expected.set(key, day);
    }
    expect(history).toHaveLength(expected.size);
    expect(new Set(history.map((row) => row.meterId))).toEqual(
      new Set(schoolMeters.filter((meter) => meter.kind !== MeterKind.WATER).map((meter) => meter.id)),
    );
    for (const row of history) {
      expect(expected.get(`${row.meterId}@${row.dayStartMs}`)).toEqual({
        total: row.totalThousandths,
        readings: row.readings,
        minimum: row.minimum,
        maximum: row.maximum,
        peak: row.peak,
      });
    }
    // 26 March 2023 is 23 hours long in Paris.
    const first = history.filter((row) => row.meterId === history[0].meterId);
    expect(first.map((row) => row.readings)).toEqual([96, 96, 92, 96, 96]);
  });

  it('keeps the daily history of a third of the retrofits, a year each side of the works, before the readings', () => {
    const retrofits = generateRetrofits(SEED, buildings);
    const until = parisMidnight('2025-01-01');
    const spans = dailyHistorySpans(SEED, retrofits, until);
    expect(dailyHistorySpans(SEED, retrofits, until)).toEqual(spans);
    expect(spans.size / retrofits.length).toBeGreaterThan(0.25);
    expect(spans.size / retrofits.length).toBeLessThan(0.42);
    for (const retrofit of retrofits) {
      const span = spans.get(retrofit.buildingId);
      if (!span) continue;
      expect(span.fromMs).toBe(parisMidnight(shiftYears(retrofit.startedOn, -1)));
      expect(span.toMs).toBe(Math.min(until, parisMidnight(shiftYears(retrofit.completedOn, 1))));
    }
    // The same choice whatever the window: only the cut moves.
    expect([...dailyHistorySpans(SEED, retrofits, parisMidnight('2030-01-01')).keys()]).toEqual(
      expect.arrayContaining([...spans.keys()]),
    );
    // As PostgreSQL's `date ± interval '1 year'`.
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2023-07-14', 1)).toBe('2024-07-14');
    expect(new Date(parisDayStart(Date.parse('2024-07-14T21:59:00Z'))).toISOString()).toBe(
      '2024-07-13T22:00:00.000Z',
    );
    expect(new Date(parisDayStart(Date.parse('2024-07-14T22:00:00Z'))).toISOString()).toBe(
      '2024-07-14T22:00:00.000Z',
    );
  });

  it('generates one retrofit per supervised building, 2015–2025, after it was built, reproducibly', () => {
    const retrofits = generateRetrofits(SEED, buildings);
    expect(retrofits).toHaveLength(1500);
    expect(generateRetrofits(SEED, buildings)).toEqual(retrofits);
    const byId = new Map(buildings.map((building) => [building.id, building]));
    for (const retrofit of retrofits) {
      const building = byId.get(retrofit.buildingId) as (typeof buildings)[number];
      expect(building.heatingSupervised).toBe(true);
      expect(retrofit.startedOn >= '2015-01-01' && retrofit.completedOn <= '2025-12-31').toBe(true);
      expect(retrofit.completedOn >= retrofit.startedOn).toBe(true);
      expect(Number(retrofit.startedOn.slice(0, 4))).toBeGreaterThan(building.constructionYear);
      expect(retrofit.measures).toContain('CONTROL');
      expect(retrofit.costEuros).toBeGreaterThan(0);
      expect(retrofit.expectedSavingPercent).toBeGreaterThan(0);
      expect(retrofit.expectedSavingPercent).toBeLessThanOrEqual(45);
    }
    // Paris midnight: 23:00 UTC the day before in winter, 22:00 in summer.
    expect(new Date(parisMidnight('2024-01-15')).toISOString()).toBe('2024-01-14T23:00:00.000Z');
    expect(new Date(parisMidnight('2024-07-15')).toISOString()).toBe('2024-07-14T22:00:00.000Z');
  });

  it('sizes the window with the scale: one day at scale 1, up to a year', () => {
    const now = new Date('2025-03-10T15:20:00Z');
    expect(readingWindowPlan(1, now, {})).toEqual({
      start: new Date('2025-03-09T00:00:00Z'),
      end: new Date('2025-03-10T00:00:00Z'),
      intervals: 96,
    });
    expect(readingWindowPlan(1000, now, {}).intervals).toBe(365 * 96);
    expect(readingWindowPlan(0.25, now, { ENERGY_READINGS_END: '2024-01-01T12:07:00Z' })).toMatchObject({
      end: new Date('2024-01-01T12:00:00Z'),
      intervals: 24,
    });
    expect(() => readingWindowPlan(0, now, {})).toThrow(/positive/);
    expect(() => readingWindowPlan(1, now, { ENERGY_READINGS_END: 'yesterday' })).toThrow(
      /ENERGY_READINGS_END/,
    );
  });
});

// Each seed writes the stock, the window's readings and the daily history around a third of the
// retrofits (about 700,000 rows, some seconds): a test that seeds several times needs more than the default.
describe('seeding a schema', { timeout: 300_000 }, () => {
  // A scratch copy of the energy schema, so re-seeding never disturbs the subgraph tests running beside.
  const schema = `energy_seed_test_${process.pid}`;
  let db: DataSource;
  const options = { seed: SEED, scale: 0.25 };

  const counts = async () =>
    (
      await db.query<{ buildings: number; meters: number; readings: number; total: number }[]>(
        `SELECT (SELECT count(*)::int FROM building) AS buildings, (SELECT count(*)::int FROM meter) AS meters,
                (SELECT count(*)::int FROM meter_reading) AS readings, (SELECT sum(value) FROM meter_reading) AS total`,
      )
    )[0];

  beforeAll(async () => {
    db = createServiceDataSource({
      url: inject('databaseUrl'),
      schema,
      entities: energy.entities,
      migrations: energy.migrations,
      poolSize: 2,
    });
    await db.initialize();
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await migrate(db);
  });

  afterAll(async () => {
    await db?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db?.destroy();
  });

  it('writes the stock and the readings of the window, and records them in the ledger', async () => {
    expect(await energy.isSeeded(db)).toBe(false);
    const report = await seedEnergy(db, options);
    const after = await counts();
    expect(report).toEqual([
      { dataset: 'buildings', rows: 1800, source: 'generated' },
      { dataset: 'meters', rows: after.meters, source: 'generated' },
      { dataset: 'retrofits', rows: 1500, source: 'generated' },
      { dataset: 'meter-readings', rows: after.readings, source: 'generated' },
    ]);
    const supervisedMeters = await db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM meter JOIN building ON building.id = meter.building_id WHERE heating_supervised',
    );
    expect(after.readings).toBe(supervisedMeters[0].count * 24);
    const ledger = await db.query<{ dataset_id: string; row_count: number; seed: number; scale: number }[]>(
      'SELECT dataset_id, row_count, seed, scale FROM dataset_import ORDER BY dataset_id',
    );
    expect(ledger).toEqual([
      { dataset_id: 'buildings', row_count: 1800, seed: SEED, scale: 0.25 },
      { dataset_id: 'meter-readings', row_count: after.readings, seed: SEED, scale: 0.25 },
      { dataset_id: 'meters', row_count: after.meters, seed: SEED, scale: 0.25 },
      { dataset_id: 'retrofits', row_count: 1500, seed: SEED, scale: 0.25 },
    ]);
    expect(await energy.isSeeded(db)).toBe(true);
  });

  it('replaces everything when run again (idempotent)', async () => {
    const before = await counts();
    await seedEnergy(db, options);
    expect(await counts()).toEqual(before);
  });

  it('writes the same rows for the same seed and window, other rows for another seed, and rolls them all up', async () => {
    // The daily history (days before the readings' first one) is digested apart from the roll-ups of the readings.
    const digest = async () =>
      (
        await db.query<
          { digest: string; history: string; readings: number; hourly: number; daily: number }[]
        >(
          `WITH first AS (SELECT date_trunc('day', min(observed_at), 'Europe/Paris') AS day FROM meter_reading)
           SELECT (SELECT md5(string_agg(concat_ws(' ', meter_id, extract(epoch FROM observed_at), value, power, provenance),
                                         E'\n' ORDER BY meter_id, observed_at)) FROM meter_reading) AS digest,
                  (SELECT md5(string_agg(concat_ws(' ', meter_id, extract(epoch FROM day_start), total, readings, minimum, maximum, peak),
                                         E'\n' ORDER BY meter_id, day_start))
                     FROM meter_reading_daily, first WHERE day_start < first.day) AS history,
                  (SELECT count(*)::int FROM meter_reading) AS readings,
                  (SELECT sum(readings)::int FROM meter_reading_hourly) AS hourly,
                  (SELECT sum(readings)::int FROM meter_reading_daily, first WHERE day_start >= first.day) AS daily`,
        )
      )[0];
    const end = process.env.ENERGY_READINGS_END;
    process.env.ENERGY_READINGS_END = '2025-03-31T00:00:00Z';
    try {
      await seedEnergy(db, options);
      const first = await digest();
      expect(first.readings).toBeGreaterThan(0);
      expect([first.hourly, first.daily]).toEqual([first.readings, first.readings]);
      await seedEnergy(db, options);
      expect(await digest()).toEqual(first);
      expect(first.history).not.toBeNull();
      await seedEnergy(db, { ...options, seed: SEED + 1 });
      const other = await digest();
      expect(other.digest).not.toBe(first.digest);
      expect(other.history).not.toBe(first.history);
    } finally {
      if (end === undefined) delete process.env.ENERGY_READINGS_END;
      else process.env.ENERGY_READINGS_END = end;
      await seedEnergy(db, options);
    }
  });

  it('writes nothing when the import fails half-way', async () => {
    const before = await counts();
    // Make the readings' insert fail after the buildings and meters were written in the same transaction.
    await db.query(`CREATE FUNCTION "${schema}".refuse_reading() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by test'; END $$`);
    await db.query(
      `CREATE TRIGGER refuse BEFORE INSERT ON "${schema}".meter_reading EXECUTE FUNCTION "${schema}".refuse_reading()`,
    );
    try {
      await expect(seedEnergy(db, { seed: SEED + 1, scale: 0.25 })).rejects.toThrow(/refused by test/);
    } finally {
      await db.query(`DROP TRIGGER refuse ON "${schema}".meter_reading`);
    }
    expect(await counts()).toEqual(before);
    const seeds = await db.query<{ seed: number }[]>('SELECT DISTINCT seed FROM dataset_import');
    expect(seeds).toEqual([{ seed: SEED }]);
  });

  it('indexes readings for time ranges by meter and for window scans', async () => {
    const indexes = await db.query<{ indexdef: string }[]>(
      'SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2',
      [schema, 'meter_reading'],
    );
    const definitions = indexes.map((index) => index.indexdef).join('\n');
    expect(definitions).toMatch(/UNIQUE INDEX .* USING btree \(meter_id, observed_at\)/);
    expect(definitions).toMatch(/USING brin \(observed_at\)/);
    // Client reading ids are unique where a sender gave one: the NULLs of the seed are not indexed.
    expect(definitions).toMatch(
      /UNIQUE INDEX .* USING btree \(reading_id\) WHERE \(reading_id IS NOT NULL\)/,
    );
    // The seed drops them for its COPY and builds them again: keys included.
    const constraints = await db.query<{ definition: string }[]>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE conrelid = format('%I.meter_reading', $1::text)::regclass AND contype IN ('p', 'u', 'f') ORDER BY 1`,
      [schema],
    );
    expect(constraints.map((constraint) => constraint.definition)).toEqual([
      'FOREIGN KEY (meter_id) REFERENCES meter(id) ON DELETE CASCADE',
      'PRIMARY KEY (id)',
      'UNIQUE (meter_id, observed_at)',
    ]);
  });

  it('measures the saving of the retrofits whose years the daily history covers, and of no other', async () => {
    const { buildings } = generateBuildingStock(SEED);
    const retrofits = generateRetrofits(SEED, buildings);
    const [{ first }] = await db.query<{ first: Date }[]>(
      'SELECT min(observed_at) AS first FROM meter_reading',
    );
    const spans = dailyHistorySpans(SEED, retrofits, parisDayStart(first.getTime()));
    const measured = await new RetrofitService(db).byBuildings(
      retrofits.map((retrofit) => retrofit.buildingId),
    );
    expect(measured).toHaveLength(retrofits.length);
    const covered = measured.filter((retrofit) => retrofit.savingPercent !== null);
    // About a third, less the few completed within a year of the readings.
    expect(covered.length).toBeGreaterThan(0.25 * retrofits.length);
    const effects = retrofitEffects(SEED, retrofits);
    const ratios: number[] = [];
    for (const retrofit of measured) {
      const span = spans.get(retrofit.buildingId);
      const whole = span !== undefined && span.toMs === parisMidnight(shiftYears(retrofit.completedOn, 1));
      if (!whole) {
        // Six hours of readings cover no year: without the history, no figure.
        expect(retrofit.consumptionYearAfterKwh, retrofit.id).toBeNull();
        expect(retrofit.savingPercent, retrofit.id).toBeNull();
        if (!span) expect(retrofit.consumptionYearBeforeKwh, retrofit.id).toBeNull();
        continue;
      }
      const before = retrofit.consumptionYearBeforeKwh as number;
      const after = retrofit.consumptionYearAfterKwh as number;
      const saving = retrofit.savingPercent as number;
      expect(saving, retrofit.id).toBeCloseTo(Math.round(1000 * (1 - after / before)) / 10, 9);
      // What the works achieved, give or take two years' weather, calendars and noise.
      const achieved = 100 * (1 - 1 / (effects.get(retrofit.buildingId) as RetrofitEffect).beforeFactor);
      expect(Math.abs(saving - achieved), retrofit.id).toBeLessThan(2.5);
      ratios.push(saving / retrofit.expectedSavingPercent);
    }
    expect(ratios).toHaveLength(covered.length);
    expect(ratios.filter((ratio) => ratio > 0).length / ratios.length).toBeGreaterThan(0.95);
    const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
    expect(mean).toBeGreaterThan(0.7);
    expect(mean).toBeLessThan(1);
  });

  it("measures a retrofit's year before and after from the daily roll-up, only over whole years", async () => {
    const [retrofit] = await db.query<
      { id: string; building_id: string; started: string; completed: string }[]
    >(
      `SELECT id, building_id, started_on::text AS started, completed_on::text AS completed FROM retrofit
        WHERE completed_on < date '2025-06-01' ORDER BY id LIMIT 1`,
    );
    const meters = await db.query<{ id: string; kind: string }[]>(
      'SELECT id, kind FROM meter WHERE building_id = $1 ORDER BY id',
      [retrofit.building_id],
    );
    // Two years of days around the works: 10 kWh a day before, 8 after, for every meter (water too).
    await db.query('DELETE FROM meter_reading_daily WHERE meter_id = ANY($1)', [
      meters.map((meter) => meter.id),
    ]);
    await db.query(
      `INSERT INTO meter_reading_daily (meter_id, day_start, total, readings, minimum, maximum, peak)
       SELECT meter.id, day::timestamp AT TIME ZONE 'Europe/Paris',
              CASE WHEN day::date < $2::date THEN 10 ELSE 8 END, 96, 0, 1, 1
         FROM unnest($1::text[]) AS meter (id),
              generate_series(($2::date - interval '1 year'), ($3::date + interval '1 year' - interval '1 day'), interval '1 day') AS day`,
      [meters.map((meter) => meter.id), retrofit.started, retrofit.completed],
    );
    const energyMeters = meters.filter((meter) => meter.kind !== 'WATER').length;
    const [days] = await db.query<{ before: number; after: number }[]>(
      `SELECT ($1::date - ($1::date - interval '1 year')::date) AS before,
              (($2::date + interval '1 year')::date - $2::date) AS after`,
      [retrofit.started, retrofit.completed],
    );
    const measured = async () =>
      (await new RetrofitService(db).byBuildings([retrofit.building_id])).find(
        (row) => row.id === retrofit.id,
      );
    const first = await measured();
    expect(first).toMatchObject({
      consumptionYearBeforeKwh: 10 * days.before * energyMeters,
      consumptionYearAfterKwh: 8 * days.after * energyMeters,
    });
    // 20 %, give or take a 29 February in one of the two years.
    expect(first?.savingPercent).toBeCloseTo(
      Math.round(1000 * (1 - (8 * days.after) / (10 * days.before))) / 10,
      5,
    );
    // A day missing on one meter: that year is not covered any more.
    await db.query(
      `DELETE FROM meter_reading_daily WHERE meter_id = $1 AND day_start = ($2::date + 10)::timestamp AT TIME ZONE 'Europe/Paris'`,
      [meters.find((meter) => meter.kind !== 'WATER')?.id, retrofit.completed],
    );
    expect(await measured()).toMatchObject({
      consumptionYearBeforeKwh: 10 * days.before * energyMeters,
      consumptionYearAfterKwh: null,
      savingPercent: null,
    });
  });

  it('rolls up the readings a database already holds when it takes the roll-up migration', async () => {
    await db.query('DROP TABLE meter_reading_hourly, meter_reading_daily');
    await db.query(`DELETE FROM migrations WHERE name = 'CreateMeterReadingRollups1764000000400'`);
    expect(await migrate(db)).toEqual(['CreateMeterReadingRollups1764000000400']);
    const [counts] = await db.query<{ readings: number; hourly: number; daily: number }[]>(
      `SELECT (SELECT count(*)::int FROM meter_reading) AS readings,
              (SELECT sum(readings)::int FROM meter_reading_hourly) AS hourly,
              (SELECT sum(readings)::int FROM meter_reading_daily) AS daily`,
    );
    expect(counts.readings).toBeGreaterThan(0);
    expect([counts.hourly, counts.daily]).toEqual([counts.readings, counts.readings]);
  });
});
