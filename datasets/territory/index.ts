import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { Provenance } from '#platform/city';
import { hasDatasetImports, recordDatasetImport } from '#platform/dataset-imports';
import { insertRows } from '#platform/ingestion';
import type { SeedOptions, SeedReport } from '#platform/subgraph';
import { Arrondissement } from '#territory/modules/arrondissement/arrondissement.entity';
import { District } from '#territory/modules/district/district.entity';
import {
  ARRONDISSEMENTS_FILE,
  readArrondissements,
  referenceArrondissements,
} from './import-arrondissements';
import { approximateDistrictBoundary } from './district-boundaries';
import { DISTRICTS } from './reference';

export const isTerritorySeeded = (db: DataSource): Promise<boolean> => hasDatasetImports(db.manager);

/**
 * Fills the territory schema in one transaction: arrondissements from the real export when
 * `openDataDir` holds one (else the published reference figures), then the urban districts.
 * Running it again replaces the rows: the import is idempotent.
 */
export async function seedTerritory(db: DataSource, options: SeedOptions): Promise<SeedReport[]> {
  const fromOpenData =
    options.openDataDir !== undefined && existsSync(path.join(options.openDataDir, ARRONDISSEMENTS_FILE));
  const imported = fromOpenData ? await readArrondissements(options.openDataDir as string) : undefined;
  const arrondissements = imported?.rows ?? referenceArrondissements();
  const districts = DISTRICTS.map((entry) =>
    Object.assign(new District(), {
      ...entry,
      geometry: approximateDistrictBoundary(entry),
      provenance: Provenance.REFERENCE,
    }),
  );
  await db.transaction(async (manager) => {
    await manager.query('DELETE FROM district');
    await manager.query('DELETE FROM arrondissement');
    await insertRows(manager, Arrondissement, arrondissements);
    await insertRows(manager, District, districts);
    await recordDatasetImport(manager, {
      datasetId: 'arrondissements',
      provenance: fromOpenData ? 'OPEN_DATA' : 'REFERENCE',
      source: fromOpenData ? ARRONDISSEMENTS_FILE : 'reference figures',
      rowCount: arrondissements.length,
      checksum: imported?.checksum,
    });
    await recordDatasetImport(manager, {
      datasetId: 'districts',
      provenance: 'REFERENCE',
      source: 'reference figures',
      rowCount: districts.length,
    });
  });
  return [
    {
      dataset: 'arrondissements',
      rows: arrondissements.length,
      source: fromOpenData ? 'open-data' : 'reference',
    },
    { dataset: 'districts', rows: districts.length, source: 'reference' },
  ];
}
