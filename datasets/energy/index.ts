import type { DataSource } from 'typeorm';
import { hasDatasetImports, recordDatasetImport } from '#platform/dataset-imports';
import { insertRows } from '#platform/ingestion';
import { logger } from '#platform/logger';
import type { SeedOptions, SeedReport } from '#platform/subgraph';
import { Building } from '#energy/modules/building/building.entity';
import { Meter } from '#energy/modules/meter/meter.entity';
import { Retrofit } from '#energy/modules/retrofit/retrofit.entity';
import { rollUpAllReadings } from '#energy/modules/meter-reading-rollup/meter-reading-rollup.service';
import { generateBuildingStock } from './buildings';
import { writeDailyHistory } from './daily-history';
import { INTERVAL_MS } from './load-profiles';
import { readingWindowPlan, withoutIndexes, writeReadings } from './readings';
import { dailyHistorySpans, generateRetrofits, parisDayStart, retrofitEffects } from './retrofits';

export const isEnergySeeded = (db: DataSource): Promise<boolean> => hasDatasetImports(db.manager);

/**
 * Paris publishes no per-building energy data, so the energy schema is generated (seeded and
 * reproducible): 1,800 buildings and their 5,159 meters whatever the scale, the retrofit works of
 * the 1,500 supervised ones (which the readings from before the works reflect), and 15-minute
 * readings of the 1,500 supervised buildings' meters over a window of `scale` days (about
 * 414,000 rows per day) ending at the last midnight UTC: one day at scale 1, a full year at
 * scale 365 (≈ 151 M rows, tens of GB with indexes), streamed with COPY and then rolled up per
 * hour and per day. Before that window, the years around a third of the retrofits are kept as
 * daily roll-ups only (see `dailyHistorySpans`), so their savings can be measured. One
 * transaction: running it again replaces everything, and a failure writes nothing.
 */
export async function seedEnergy(db: DataSource, options: SeedOptions): Promise<SeedReport[]> {
  const window = readingWindowPlan(options.scale);
  const { buildings, meters } = generateBuildingStock(options.seed);
  const retrofits = generateRetrofits(options.seed, buildings);
  const effects = retrofitEffects(options.seed, retrofits);
  const history = dailyHistorySpans(
    options.seed,
    retrofits,
    parisDayStart(window.start.getTime() + INTERVAL_MS),
  );
  const generated = { provenance: 'GENERATED' as const, seed: options.seed, scale: options.scale };
  const readings = await db.transaction(async (manager) => {
    await manager.query(
      'TRUNCATE meter_reading_daily, meter_reading_hourly, meter_reading, meter, retrofit, building RESTART IDENTITY',
    );
    await insertRows(manager, Building, buildings);
    await insertRows(manager, Meter, meters);
    await insertRows(manager, Retrofit, retrofits);
    const started = Date.now();
    const written = await writeReadings(manager, options.seed, buildings, meters, window, effects);
    // Fresh statistics: the day-by-day roll-up statements are planned on them.
    await manager.query('ANALYZE meter_reading');
    const loaded = Date.now();
    const { historyRows, historied } = await withoutIndexes(manager, 'meter_reading_hourly', () =>
      withoutIndexes(manager, 'meter_reading_daily', async () => {
        const days = await writeDailyHistory(manager, options.seed, buildings, meters, history, effects);
        const at = Date.now();
        await rollUpAllReadings(manager, window.start, window.end);
        return { historyRows: days, historied: at };
      }),
    );
    logger.info(
      {
        readings: written,
        loadSeconds: (loaded - started) / 1000,
        historyRows,
        historySeconds: (historied - loaded) / 1000,
        rollUpSeconds: (Date.now() - historied) / 1000,
      },
      'meter readings generated and rolled up',
    );
    await recordDatasetImport(manager, {
      ...generated,
      datasetId: 'buildings',
      source: 'energy building-stock generator',
      rowCount: buildings.length,
    });
    await recordDatasetImport(manager, {
      ...generated,
      datasetId: 'meters',
      source: 'energy building-stock generator',
      rowCount: meters.length,
    });
    await recordDatasetImport(manager, {
      ...generated,
      datasetId: 'retrofits',
      source: 'energy retrofit generator (one per supervised building, 2015–2025)',
      rowCount: retrofits.length,
    });
    await recordDatasetImport(manager, {
      ...generated,
      datasetId: 'meter-readings',
      source: `energy load-profile generator, 15-minute readings after ${window.start.toISOString()} up to ${window.end.toISOString()}, and before them daily roll-ups (${historyRows} rows, no readings kept) of the years around ${history.size} retrofits`,
      rowCount: written,
    });
    return written;
  });
  return [
    { dataset: 'buildings', rows: buildings.length, source: 'generated' },
    { dataset: 'meters', rows: meters.length, source: 'generated' },
    { dataset: 'retrofits', rows: retrofits.length, source: 'generated' },
    { dataset: 'meter-readings', rows: readings, source: 'generated' },
  ];
}
