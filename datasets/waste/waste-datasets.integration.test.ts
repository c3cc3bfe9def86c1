import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIN_STATIONS_PER_ARRONDISSEMENT, wasteStationId } from '../identifiers';
import { ImportError } from '#platform/ingestion';
import { waste } from '#app/registry';
import { readBoundaries } from './boundaries';
import { writeWasteDataset } from './dataset';
import {
  generateTrilibStations,
  HISTORY_DAYS_PER_SCALE,
  HISTORY_END,
  TRILIB_STATIONS,
} from './generate-stations';
import { GLASS_COLUMNS_FILE, readGlassColumns } from './import-glass-columns';
import { TRILIB_CSV_FILE, TRILIB_JSON_FILE } from './import-trilib';
import { TRI_MOBILE_FILE } from './import-tri-mobile';
import { readWasteOpenData, seedWaste } from './index';
import { openScratchSchema } from '#test/scratch-schema';

const openDataDir = inject('openDataDir');
// A scratch schema: these tests replace and break imports without disturbing the `waste` schema other tests read.
const SCHEMA = 'waste_dataset_test';
let db: DataSource;
let scratchSchema: Awaited<ReturnType<typeof openScratchSchema>> | undefined;
const scratch: string[] = [];

beforeAll(async () => {
  scratchSchema = await openScratchSchema(waste, SCHEMA, 2);
  db = scratchSchema.db;
});

afterAll(async () => {
  await scratchSchema?.drop();
  for (const directory of scratch) rmSync(directory, { recursive: true, force: true });
});

/** A folder holding copies of some real files, optionally rewritten. */
function folderWith(files: Record<string, (text: string) => string>): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'waste-import-'));
  scratch.push(directory);
  for (const [file, rewrite] of Object.entries(files)) {
    writeFileSync(path.join(directory, file), rewrite(readFileSync(path.join(openDataDir!, file), 'utf8')));
  }
  return directory;
}

async function counts(): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>[]>(
    `SELECT (SELECT count(*)::int FROM waste_station) AS stations, (SELECT count(*)::int FROM waste_container) AS containers,
            (SELECT count(*)::int FROM filling_level_observation) AS observations, (SELECT count(*)::int FROM waste_collection) AS collections,
            (SELECT count(*)::int FROM dataset_import) AS ledger`,
  );
  return row;
}

async function stationsOf(dataset: string): Promise<{ id: string; arrondissement_code: number }[]> {
  return db.query('SELECT id, arrondissement_code FROM waste_station WHERE dataset = $1 ORDER BY id', [
    dataset,
  ]);
}

function importErrorOf(promise: Promise<unknown>): Promise<ImportError> {
  return promise.then(
    () => {
      throw new Error('the import was expected to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ImportError);
      return error as ImportError;
    },
  );
}

interface JsonRecord {
  recordid: string;
  fields: Record<string, unknown>;
}
const realJson = (file: string) =>
  JSON.parse(readFileSync(path.join(openDataDir!, file), 'utf8')) as JsonRecord[];

describe.skipIf(!openDataDir)('importing the real Paris exports', () => {
  it('imports every record of the pilot, glass column and Tri Mobile files', async () => {
    const pilot = realJson(TRILIB_JSON_FILE);
    const csv = readFileSync(path.join(openDataDir!, TRILIB_CSV_FILE), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const header = csv[0].split(';');
    const csvRows = csv
      .slice(1)
      .map((line) => Object.fromEntries(line.split(';').map((value, index) => [header[index], value])));
    const readings = new Set([
      ...pilot.map(
        (r) => `${String(r.fields.serialnumber)}@${new Date(String(r.fields.fillingratedate)).toISOString()}`,
      ),
      ...csvRows.map((r) => `${r.serialNumber}@${new Date(r.fillingRateDate).toISOString()}`),
    ]);
    const serials = new Set([
      ...pilot.map((r) => String(r.fields.serialnumber)),
      ...csvRows.map((r) => r.serialNumber),
    ]);
    const glass = realJson(GLASS_COLUMNS_FILE);
    const mobile = realJson(TRI_MOBILE_FILE);

    for (const dataset of await readWasteOpenData(openDataDir!)) await writeWasteDataset(db, dataset);
    expect(await counts()).toEqual({
      stations:
        new Set([
          ...pilot.map((r) => String(r.fields.localisationfo_name)),
          ...csvRows.map((r) => r.localisationfo_name),
        ]).size +
        glass.length +
        mobile.length,
      containers: serials.size + glass.length,
      observations: readings.size,
      collections: 0,
      ledger: 3,
    });
    expect(readings.size).toBeLessThan(pilot.length + csvRows.length); // a silent sensor repeats its reading: kept once
    expect(await stationsOf('glass-columns')).toHaveLength(glass.length);
    expect(await stationsOf('tri-mobile')).toHaveLength(mobile.length);
  });

  it('places the glass columns whose arrondissement is 0 or 999 from their coordinates', async () => {
    const glass = realJson(GLASS_COLUMNS_FILE);
    const placeholders = glass.filter((r) => r.fields.ardt === 0 || r.fields.ardt === 999);
    expect(placeholders.length).toBe(63);
    const placed = new Map(
      (await stationsOf('glass-columns')).map((row) => [row.id, row.arrondissement_code]),
    );
    const located = placeholders.map((r) => ({
      affecta: String(r.fields.affecta ?? ''),
      code: placed.get(`GLASS-${r.recordid.slice(0, 12)}`),
    }));
    expect(located.every((entry) => entry.code !== undefined && entry.code >= 1 && entry.code <= 20)).toBe(
      true,
    );
    // Where the register gives a 5-digit assignment code, it starts with the arrondissement (boundary streets aside).
    const coded = located.filter((entry) => /^\d{5}$/.test(entry.affecta));
    const agreeing = coded.filter((entry) => Number(entry.affecta.slice(0, 2)) === entry.code);
    expect(agreeing.length / coded.length).toBeGreaterThan(0.85);

    const withoutBoundaries = await readGlassColumns(folderWith({ [GLASS_COLUMNS_FILE]: (text) => text }));
    expect(withoutBoundaries?.stations).toHaveLength(glass.length - placeholders.length);
    expect(withoutBoundaries?.skipped).toHaveLength(placeholders.length);
    expect(withoutBoundaries?.skipped[0]).toMatchObject({
      file: GLASS_COLUMNS_FILE,
      reason: expect.stringMatching(/no boundaries/),
    });
  });

  it('gives the same rows when run again', async () => {
    await seedWaste(db, { openDataDir: openDataDir!, seed: 3, scale: 1 });
    const first = await counts();
    const snapshot = await db.query<{ digest: string }[]>(
      `SELECT md5(string_agg(id || arrondissement_code || latitude || longitude || name, ',' ORDER BY id)) AS digest FROM waste_station`,
    );
    await seedWaste(db, { openDataDir: openDataDir!, seed: 3, scale: 1 });
    expect(await counts()).toEqual(first);
    expect(
      await db.query(
        `SELECT md5(string_agg(id || arrondissement_code || latitude || longitude || name, ',' ORDER BY id)) AS digest FROM waste_station`,
      ),
    ).toEqual(snapshot);
    expect(first.stations).toBeGreaterThan(TRILIB_STATIONS);
    expect(first.ledger).toBe(4);
  });

  it('refuses a record without coordinates, naming its row and column, and writes nothing', async () => {
    const before = await counts();
    const directory = folderWith({
      [TRILIB_JSON_FILE]: (text) => {
        const records = JSON.parse(text) as JsonRecord[];
        delete records[4].fields.geo;
        return JSON.stringify(records);
      },
      [GLASS_COLUMNS_FILE]: (text) => text,
    });
    const error = await importErrorOf(seedWaste(db, { openDataDir: directory, seed: 3, scale: 1 }));
    expect(error).toMatchObject({ file: TRILIB_JSON_FILE, row: 5, column: 'geo' });
    expect(error.message).toMatch(/row 5, column "geo"/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a truncated JSON export at the record it stops in, and writes nothing', async () => {
    const before = await counts();
    const directory = folderWith({
      [TRI_MOBILE_FILE]: (text) => {
        let at = -1;
        for (let record = 0; record < 30; record += 1) at = text.indexOf('"recordid"', at + 1);
        return text.slice(0, at + 5);
      },
    });
    const error = await importErrorOf(seedWaste(db, { openDataDir: directory, seed: 3, scale: 1 }));
    expect(error).toMatchObject({ file: TRI_MOBILE_FILE, row: 30, column: '(JSON syntax)' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a truncated CSV export at its last row, and a glass column outside Paris', async () => {
    const csv = folderWith({
      [TRILIB_CSV_FILE]: (text) => {
        const lines = text.trimEnd().split('\n');
        lines[lines.length - 1] = lines[lines.length - 1].split(';').slice(0, 5).join(';');
        return lines.join('\n');
      },
    });
    const rows =
      readFileSync(path.join(openDataDir!, TRILIB_CSV_FILE), 'utf8').trim().split(/\r?\n/).length - 1;
    const truncated = await importErrorOf(seedWaste(db, { openDataDir: csv, seed: 3, scale: 1 }));
    expect(truncated).toMatchObject({ file: TRILIB_CSV_FILE, row: rows, column: 'wastetype_designation' });

    const swapped = folderWith({
      [GLASS_COLUMNS_FILE]: (text) => {
        const records = JSON.parse(text) as JsonRecord[];
        records[99].fields.geom_x_y = [2.3, 48.85];
        return JSON.stringify(records);
      },
    });
    const outside = await importErrorOf(readGlassColumns(swapped));
    expect(outside).toMatchObject({ file: GLASS_COLUMNS_FILE, row: 100, column: 'geom_x_y' });
    expect(outside.message).toMatch(/not in Paris/);
  });

  it('spreads the generated stations inside their own arrondissement', async () => {
    const boundaries = await readBoundaries(openDataDir!);
    const { stations } = generateTrilibStations({ seed: 7, scale: 1 });
    const inside = stations.filter(
      (station) => boundaries?.locate(station.latitude, station.longitude) === station.arrondissementCode,
    );
    expect(inside.length / stations.length).toBeGreaterThan(0.97);
  });
});

describe('generating the Trilib’ stations of the roll-out', () => {
  it('makes 1,000 stations with the shared ids, at least the guaranteed number per arrondissement', () => {
    const { stations, containers } = generateTrilibStations({ seed: 7, scale: 1 });
    expect(stations).toHaveLength(TRILIB_STATIONS);
    for (let code = 1; code <= 20; code += 1) {
      const own = stations
        .filter((station) => station.arrondissementCode === code)
        .map((station) => station.id);
      expect(own.length).toBeGreaterThanOrEqual(MIN_STATIONS_PER_ARRONDISSEMENT);
      expect(own).toEqual(own.map((_, index) => wasteStationId(code, index + 1)));
    }
    // Population drives the spread: the 15th has far more stations than the 1st.
    const count = (code: number) => stations.filter((station) => station.arrondissementCode === code).length;
    expect(count(15)).toBeGreaterThan(4 * count(1));
    for (const station of stations) {
      const streams = containers
        .filter((container) => container.stationId === station.id)
        .map((container) => container.stream);
      expect(streams).toEqual(station.acceptedStreams);
      expect(streams).toEqual(expect.arrayContaining(['GLASS', 'PACKAGING_PAPER']));
    }
  });

  it('is reproducible from its seed, and its scale lengthens the history', () => {
    const once = generateTrilibStations({ seed: 7, scale: 1 });
    expect(generateTrilibStations({ seed: 7, scale: 1 })).toEqual(once);
    expect(generateTrilibStations({ seed: 8, scale: 1 }).stations.map((s) => s.latitude)).not.toEqual(
      once.stations.map((s) => s.latitude),
    );
    const longer = generateTrilibStations({ seed: 7, scale: 2 });
    expect(longer.stations).toEqual(once.stations);
    const observed = once.containers.filter((container) => container.fillingLevel !== null);
    expect(observed.length).toBeGreaterThan(0.9 * once.containers.length);
    expect(once.observations).toHaveLength(observed.length * HISTORY_DAYS_PER_SCALE);
    expect(longer.observations).toHaveLength(observed.length * 2 * HISTORY_DAYS_PER_SCALE);
  });

  it('keeps each container’s current state equal to its last observation, and every date before the end of history', () => {
    const { containers, observations, collections } = generateTrilibStations({ seed: 7, scale: 1 });
    const last = new Map<string, { fillingLevel: number; observedAt: Date }>();
    for (const entry of observations) {
      const known = last.get(entry.containerId);
      if (!known || entry.observedAt > known.observedAt) last.set(entry.containerId, entry);
      expect(entry.fillingLevel).toBeGreaterThanOrEqual(0);
      expect(entry.fillingLevel).toBeLessThanOrEqual(1);
      expect(entry.observedAt.getTime()).toBeLessThan(HISTORY_END.getTime());
    }
    for (const container of containers.filter((candidate) => candidate.fillingLevel !== null)) {
      expect(container.fillingLevel).toBe(last.get(container.id)?.fillingLevel);
      expect(container.dateLastFillingLevel).toEqual(last.get(container.id)?.observedAt);
    }
    expect(collections.length).toBeGreaterThan(containers.length / 2);
    expect(collections.every((entry) => entry.weightKg > 0 && entry.collectedAt < HISTORY_END)).toBe(true);
    expect(new Set(collections.map((entry) => entry.id)).size).toBe(collections.length);
  });

  it('seeds the generated stations alone when no open-data folder is given', async () => {
    await db.query('DELETE FROM waste_station');
    await db.query('DELETE FROM dataset_import');
    const reports = await seedWaste(db, { seed: 7, scale: 1 });
    expect(reports).toEqual([{ dataset: 'trilib-stations', rows: TRILIB_STATIONS, source: 'generated' }]);
    expect((await counts()).stations).toBe(TRILIB_STATIONS);
    expect(await waste.isSeeded(db)).toBe(true);
  });
});
