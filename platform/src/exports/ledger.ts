import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DatasetDefinition } from './definition';

export interface DatasetVersion {
  /** Changes whenever any ledger line of the dataset changes (a re-import, a new seed or scale). */
  version: string;
  /** The earliest import in its ledger lines (a re-import moves it): when this data was published. */
  issued: string | null;
  modified: string | null;
  provenance: 'OPEN_DATA' | 'REFERENCE' | 'GENERATED' | 'MIXED' | 'UNKNOWN';
  sources: string[];
  seed: number | null;
  scale: number | null;
}

interface LedgerRow {
  dataset_id: string;
  provenance: 'OPEN_DATA' | 'REFERENCE' | 'GENERATED';
  source: string;
  seed: number | null;
  scale: number | null;
  row_count: number;
  checksum: string | null;
  imported_at: Date;
}

/** What the import ledger of the dataset's own schema says about where its rows come from. */
export async function datasetVersion(
  db: DataSource,
  definition: DatasetDefinition,
  schema = definition.subgraph,
): Promise<DatasetVersion> {
  // A service that is not deployed in this database has no ledger: its datasets are UNKNOWN.
  const rows = await db
    .query<LedgerRow[]>(
      `SELECT dataset_id, provenance, source, seed, scale, row_count, checksum, imported_at
       FROM "${schema}".dataset_import WHERE dataset_id = ANY($1) ORDER BY dataset_id`,
      [definition.ledgerIds],
    )
    .catch((error: { code?: string }) => {
      if (error.code === '42P01' || error.code === '3F000') return [] as LedgerRow[];
      throw error;
    });
  const fingerprint = rows.map(
    (row) =>
      `${row.dataset_id}:${row.checksum ?? ''}:${row.seed ?? ''}:${row.scale ?? ''}:${row.imported_at.toISOString()}`,
  );
  const provenances = [...new Set(rows.map((row) => row.provenance))];
  const modified = rows.reduce<Date | null>(
    (latest, row) => (!latest || row.imported_at > latest ? row.imported_at : latest),
    null,
  );
  const issued = rows.reduce<Date | null>(
    (earliest, row) => (!earliest || row.imported_at < earliest ? row.imported_at : earliest),
    null,
  );
  const generated = rows.find((row) => row.provenance === 'GENERATED');
  return {
    version: createHash('sha256').update(fingerprint.join('|')).digest('hex').slice(0, 12),
    issued: issued?.toISOString() ?? null,
    modified: modified?.toISOString() ?? null,
    provenance: provenances.length === 0 ? 'UNKNOWN' : provenances.length === 1 ? provenances[0] : 'MIXED',
    sources: rows.map((row) => row.source),
    seed: generated?.seed ?? null,
    scale: generated?.scale ?? null,
  };
}
