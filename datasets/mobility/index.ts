import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hasDatasetImports, recordDatasetImport } from '#platform/dataset-imports';
import { insertRows } from '#platform/ingestion';
import type { SeedOptions, SeedReport } from '#platform/subgraph';
import { AccompanimentRequest } from '#mobility/modules/accompaniment-request/accompaniment-request.entity';
import { Beneficiary } from '#mobility/modules/beneficiary/beneficiary.entity';
import { Volunteer } from '#mobility/modules/volunteer/volunteer.entity';
import { generateMobility } from './generate';

export const isMobilitySeeded = (db: DataSource): Promise<boolean> => hasDatasetImports(db.manager);

const SOURCE = 'generated: Paris en Compagnie model (datasets/mobility/generate.ts)';

function checksum(rows: object[]): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/**
 * Fills the mobility schema with the generated Paris en Compagnie history, in one transaction:
 * running it again (same or other seed/scale) replaces every row, requests recorded through the
 * service included. Paris publishes nothing of this (personal data), so there is no importer.
 */
export async function seedMobility(db: DataSource, options: SeedOptions): Promise<SeedReport[]> {
  const { volunteers, beneficiaries, requests } = generateMobility({
    seed: options.seed,
    scale: options.scale,
  });
  const ledger = [
    { datasetId: 'accompaniment-volunteers', rows: volunteers },
    { datasetId: 'accompaniment-beneficiaries', rows: beneficiaries },
    { datasetId: 'accompaniment-requests', rows: requests },
  ];
  await db.transaction(async (manager) => {
    await manager.query('DELETE FROM accompaniment_request');
    await manager.query('DELETE FROM beneficiary');
    await manager.query('DELETE FROM volunteer');
    await insertRows(manager, Volunteer, volunteers);
    await insertRows(manager, Beneficiary, beneficiaries);
    await insertRows(manager, AccompanimentRequest, requests);
    // Requests recorded through the service are numbered after the generated ones.
    await manager.query(`SELECT setval('accompaniment_request_number', $1, true)`, [requests.length]);
    for (const entry of ledger) {
      await recordDatasetImport(manager, {
        datasetId: entry.datasetId,
        provenance: 'GENERATED',
        source: SOURCE,
        seed: options.seed,
        scale: options.scale,
        rowCount: entry.rows.length,
        checksum: checksum(entry.rows),
      });
    }
  });
  return ledger.map((entry) => ({ dataset: entry.datasetId, rows: entry.rows.length, source: 'generated' }));
}
