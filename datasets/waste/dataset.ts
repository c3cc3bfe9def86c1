import type { DataSource, EntityManager } from 'typeorm';
import type { Provenance } from '#platform/city';
import { recordDatasetImport } from '#platform/dataset-imports';
import { insertRows } from '#platform/ingestion';
import type { SeedReport } from '#platform/subgraph';
import { WasteCollection } from '#waste/modules/collection/collection.entity';
import { WasteContainer } from '#waste/modules/container/container.entity';
import { FillingLevelObservation } from '#waste/modules/observation/observation.entity';
import { WasteStation } from '#waste/modules/station/station.entity';

/** Everything one source contributes, checked in full before anything is written. */
export interface WasteDataset {
  /** The ledger id, also stored on each station so a re-import replaces its own rows only. */
  datasetId: string;
  provenance: Provenance;
  source: string;
  stations: WasteStation[];
  containers: WasteContainer[];
  observations: FillingLevelObservation[];
  collections: WasteCollection[];
  checksum?: string;
  seed?: number;
  scale?: number;
  /** Records left out, with why (e.g. a glass column that cannot be placed in an arrondissement). */
  skipped: { file: string; row: number; reason: string }[];
}

/** Replaces a dataset's rows in one transaction (the cascade takes its containers, history and collections along). */
export async function writeWasteDataset(db: DataSource, dataset: WasteDataset): Promise<SeedReport> {
  await db.transaction(async (manager) => {
    await manager.query('DELETE FROM waste_station WHERE dataset = $1', [dataset.datasetId]);
    await insertRows(manager, WasteStation, dataset.stations);
    await insertRows(manager, WasteContainer, dataset.containers);
    await insertHistory(manager, dataset);
    await recordDatasetImport(manager, {
      datasetId: dataset.datasetId,
      provenance: dataset.provenance,
      source: dataset.source,
      seed: dataset.seed,
      scale: dataset.scale,
      rowCount: dataset.stations.length,
      checksum: dataset.checksum,
    });
  });
  return {
    dataset: dataset.datasetId,
    rows: dataset.stations.length,
    source: dataset.provenance === 'GENERATED' ? 'generated' : 'open-data',
  };
}

const HISTORY_ROWS_PER_STATEMENT = 10_000;

/**
 * The history tables take tens of thousands of rows per week of generated data: they go in as
 * column arrays through `unnest`, several times faster than row-by-row entity inserts.
 */
async function insertHistory(manager: EntityManager, dataset: WasteDataset): Promise<void> {
  for (let start = 0; start < dataset.observations.length; start += HISTORY_ROWS_PER_STATEMENT) {
    const rows = dataset.observations.slice(start, start + HISTORY_ROWS_PER_STATEMENT);
    await manager.query(
      `INSERT INTO filling_level_observation (report_id, container_id, filling_level, observed_at, received_at, provenance)
       SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::timestamptz[], $5::timestamptz[], $6::text[])`,
      [
        rows.map((row) => row.reportId),
        rows.map((row) => row.containerId),
        rows.map((row) => row.fillingLevel),
        rows.map((row) => row.observedAt),
        rows.map((row) => row.receivedAt),
        rows.map((row) => row.provenance),
      ],
    );
  }
  for (let start = 0; start < dataset.collections.length; start += HISTORY_ROWS_PER_STATEMENT) {
    const rows = dataset.collections.slice(start, start + HISTORY_ROWS_PER_STATEMENT);
    await manager.query(
      `INSERT INTO waste_collection (id, station_id, stream, collected_at, weight_kg, recorded_at, provenance)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::float8[], $6::timestamptz[], $7::text[])`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.stationId),
        rows.map((row) => row.stream),
        rows.map((row) => row.collectedAt),
        rows.map((row) => row.weightKg),
        rows.map((row) => row.recordedAt),
        rows.map((row) => row.provenance),
      ],
    );
  }
}

export function station(values: Omit<WasteStation, 'location'>): WasteStation {
  return Object.assign(new WasteStation(), values);
}

export function container(values: WasteContainer): WasteContainer {
  return Object.assign(new WasteContainer(), values);
}

export function observation(values: Omit<FillingLevelObservation, 'id'>): FillingLevelObservation {
  return Object.assign(new FillingLevelObservation(), values);
}

export function collection(values: WasteCollection): WasteCollection {
  return Object.assign(new WasteCollection(), values);
}
