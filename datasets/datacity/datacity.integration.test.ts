import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '#platform/database';
import {
  MIN_BUILDINGS_PER_ARRONDISSEMENT,
  MIN_STARTUPS,
  MIN_STATIONS_PER_ARRONDISSEMENT,
  startupId,
} from '../identifiers';
import { datacity } from '#datacity/index';
import { Experiment } from '#datacity/modules/experiment/experiment.entity';
import { TEST_SEED } from '#test/global-setup';
import { seedDatacity, writeDatacity } from './index';
import { datasetChecksum, generateDatacity, SNAPSHOT_DATE } from './generate';

describe('the DataCity generator', () => {
  it('is deterministic for a seed and scale, and changes with the seed', () => {
    const first = generateDatacity({ seed: 11, scale: 1 });
    expect(generateDatacity({ seed: 11, scale: 1 })).toEqual(first);
    expect(datasetChecksum(generateDatacity({ seed: 12, scale: 1 }))).not.toBe(datasetChecksum(first));
  });

  it('keeps the 39 challenges whatever the scale, and scales the start-up pool', () => {
    for (const [scale, startups] of [
      [0.1, MIN_STARTUPS],
      [1, 80],
      [2.5, 200],
    ] as const) {
      const dataset = generateDatacity({ seed: 3, scale });
      expect(dataset.challenges).toHaveLength(39);
      expect(dataset.startups).toHaveLength(startups);
      expect(dataset.startups.map((startup) => startup.id)).toEqual(
        Array.from({ length: startups }, (_, i) => startupId(i + 1)),
      );
      expect(new Set(dataset.startups.map((startup) => startup.name)).size).toBe(startups);
    }
    const seasons = generateDatacity({ seed: 3, scale: 1 }).challenges.map((challenge) => challenge.season);
    expect([2016, 2017, 2018, 2019].map((season) => seasons.filter((s) => s === season).length)).toEqual([
      9, 10, 10, 10,
    ]);
  });

  it('keeps every row consistent: references, dates, outcomes and the owners’ guaranteed ids', () => {
    const dataset = generateDatacity({ seed: 5, scale: 3 });
    const selections = new Set(
      dataset.selections.map((selection) => `${selection.challengeId}/${selection.startupId}`),
    );
    const sites = new Map(dataset.sites.map((site) => [site.id, site]));
    const challenges = new Map(dataset.challenges.map((challenge) => [challenge.id, challenge]));
    for (const site of dataset.sites) {
      const reference = site.wasteStationId ?? site.buildingId ?? '';
      const match = /^(TRILIB|BAT)-(\d{2})-(\d{4})$/.exec(reference);
      expect(match, reference).not.toBeNull();
      expect(Number(match![2])).toBe(site.arrondissementCode);
      const limit =
        match![1] === 'TRILIB' ? MIN_STATIONS_PER_ARRONDISSEMENT : MIN_BUILDINGS_PER_ARRONDISSEMENT;
      expect(Number(match![3])).toBeLessThanOrEqual(limit);
      expect(site.arrondissementCode).toBe(challenges.get(site.challengeId)!.arrondissementCode);
    }
    for (const experiment of dataset.experiments) {
      expect(selections.has(`${experiment.challengeId}/${experiment.startupId}`)).toBe(true);
      expect(sites.get(experiment.siteId)!.challengeId).toBe(experiment.challengeId);
      expect(experiment.endDate >= experiment.startDate).toBe(true);
      expect(experiment.startDate <= SNAPSHOT_DATE).toBe(true);
      const challenge = challenges.get(experiment.challengeId)!;
      expect(experiment.outcome === null).toBe(challenge.status === 'EXPERIMENTING');
      if (experiment.outcome === null) expect(experiment.endDate > SNAPSHOT_DATE).toBe(true);
    }
    const startups = new Map(dataset.startups.map((startup) => [startup.id, startup]));
    for (const selection of dataset.selections) {
      expect(startups.get(selection.startupId)!.foundedYear).toBeLessThanOrEqual(
        challenges.get(selection.challengeId)!.season,
      );
    }
  });

  it('refuses a scale or seed it cannot honour', () => {
    expect(() => generateDatacity({ seed: 1, scale: 0 })).toThrow(/scale/);
    expect(() => generateDatacity({ seed: 1, scale: Number.NaN })).toThrow(/scale/);
    expect(() => generateDatacity({ seed: 1.5, scale: 1 })).toThrow(/seed/);
  });
});

describe('seeding the datacity schema', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = createServiceDataSource({
      url: inject('databaseUrl'),
      schema: 'datacity',
      entities: datacity.entities,
      migrations: [],
    });
    await db.initialize();
  });
  afterAll(() => db?.destroy());

  const counts = async () => {
    const [row] = await db.query<Record<string, number>[]>(
      `SELECT (SELECT count(*)::int FROM challenge) AS challenges, (SELECT count(*)::int FROM startup) AS startups,
              (SELECT count(*)::int FROM challenge_selection) AS selections, (SELECT count(*)::int FROM challenge_site) AS sites,
              (SELECT count(*)::int FROM experiment) AS experiments`,
    );
    return row;
  };
  const ledger = () =>
    db.query<{ dataset_id: string; row_count: number; checksum: string; provenance: string }[]>(
      'SELECT dataset_id, row_count, checksum, provenance FROM dataset_import ORDER BY dataset_id',
    );

  it('holds what the generator produced for the test seed, and re-seeding replaces it identically', async () => {
    const expected = generateDatacity({ seed: TEST_SEED, scale: 1 });
    const expectedCounts = {
      challenges: 39,
      startups: expected.startups.length,
      selections: expected.selections.length,
      sites: expected.sites.length,
      experiments: expected.experiments.length,
    };
    expect(await counts()).toEqual(expectedCounts);
    const reports = await seedDatacity(db, { seed: TEST_SEED, scale: 1 });
    expect(reports).toEqual([
      { dataset: 'datacity-challenges', rows: 39, source: 'generated' },
      { dataset: 'datacity-startups', rows: expected.startups.length, source: 'generated' },
      { dataset: 'datacity-experiments', rows: expected.experiments.length, source: 'generated' },
    ]);
    expect(await counts()).toEqual(expectedCounts);
    const entries = await ledger();
    expect(entries.map((entry) => [entry.dataset_id, entry.row_count, entry.provenance])).toEqual([
      ['datacity-challenges', 39, 'GENERATED'],
      ['datacity-experiments', expected.experiments.length, 'GENERATED'],
      ['datacity-startups', expected.startups.length, 'GENERATED'],
    ]);
    expect(entries.every((entry) => entry.checksum === datasetChecksum(expected))).toBe(true);
    const stored = await db.getRepository(Experiment).findOneByOrFail({ id: expected.experiments[0].id });
    expect(stored).toEqual(expected.experiments[0]);
  });

  it('writes nothing when one row is refused, keeping the previous programme', async () => {
    const before = await counts();
    const ledgerBefore = await ledger();
    const broken = generateDatacity({ seed: TEST_SEED + 1, scale: 2 });
    const last = broken.experiments[broken.experiments.length - 1];
    last.startupId = 'startup-that-was-never-selected';
    await expect(writeDatacity(db, broken, { seed: TEST_SEED + 1, scale: 2 })).rejects.toThrow(/foreign key/);
    expect(await counts()).toEqual(before);
    expect(await ledger()).toEqual(ledgerBefore);
  });
});
