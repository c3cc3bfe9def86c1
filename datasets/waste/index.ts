import type { DataSource } from 'typeorm';
import { hasDatasetImports } from '#platform/dataset-imports';
import { logger } from '#platform/logger';
import type { SeedOptions, SeedReport } from '#platform/subgraph';
import { writeWasteDataset, type WasteDataset } from './dataset';
import { generateTrilibStations } from './generate-stations';
import { readGlassColumns } from './import-glass-columns';
import { readTrilibPilot } from './import-trilib';
import { readTriMobile } from './import-tri-mobile';

export const isWasteSeeded = (db: DataSource): Promise<boolean> => hasDatasetImports(db.manager);

/** The real exports the folder holds, each read and checked in full (null: file absent). */
export async function readWasteOpenData(directory: string): Promise<WasteDataset[]> {
  const datasets = [
    await readTrilibPilot(directory),
    await readGlassColumns(directory),
    await readTriMobile(directory),
  ];
  return datasets.filter((dataset): dataset is WasteDataset => dataset !== null);
}

/**
 * Fills the waste schema: the Trilib' sensor pilot, the glass columns and the Tri Mobile stops
 * from the real Paris exports when `openDataDir` holds them, then the 1,000 generated Trilib'
 * stations of the roll-out (always). Every file is checked before anything is written, and each
 * dataset is replaced in its own transaction, so running it again gives the same rows.
 */
export async function seedWaste(db: DataSource, options: SeedOptions): Promise<SeedReport[]> {
  const datasets = options.openDataDir ? await readWasteOpenData(options.openDataDir) : [];
  datasets.push(generateTrilibStations(options));
  const reports: SeedReport[] = [];
  for (const dataset of datasets) {
    for (const skipped of dataset.skipped)
      logger.warn({ dataset: dataset.datasetId, ...skipped }, 'record left out');
    reports.push(await writeWasteDataset(db, dataset));
  }
  return reports;
}
