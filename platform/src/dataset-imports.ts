import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every service schema keeps a ledger of what filled each of its datasets: source, seed and scale,
 * row count and a checksum. It is how a restart knows not to seed again, and what the catalog
 * reports as a dataset's version and modification date.
 */
export class CreateDatasetImports1764000000000 implements MigrationInterface {
  name = 'CreateDatasetImports1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dataset_import (
        dataset_id text PRIMARY KEY,
        provenance text NOT NULL,
        source text NOT NULL,
        seed integer,
        scale double precision,
        row_count integer NOT NULL,
        checksum text,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dataset_import');
  }
}

export interface DatasetImport {
  datasetId: string;
  provenance: 'OPEN_DATA' | 'REFERENCE' | 'GENERATED';
  source: string;
  seed?: number;
  scale?: number;
  rowCount: number;
  checksum?: string;
}

/** Records (or replaces) the ledger line of a dataset, inside the import's own transaction. */
export async function recordDatasetImport(manager: EntityManager, entry: DatasetImport): Promise<void> {
  await manager.query(
    `INSERT INTO dataset_import (dataset_id, provenance, source, seed, scale, row_count, checksum, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (dataset_id) DO UPDATE SET provenance = EXCLUDED.provenance, source = EXCLUDED.source,
       seed = EXCLUDED.seed, scale = EXCLUDED.scale, row_count = EXCLUDED.row_count,
       checksum = EXCLUDED.checksum, imported_at = now()`,
    [
      entry.datasetId,
      entry.provenance,
      entry.source,
      entry.seed ?? null,
      entry.scale ?? null,
      entry.rowCount,
      entry.checksum ?? null,
    ],
  );
}

export async function hasDatasetImports(manager: EntityManager): Promise<boolean> {
  const rows = await manager.query<{ count: number }[]>('SELECT count(*)::int AS count FROM dataset_import');
  return rows[0].count > 0;
}
