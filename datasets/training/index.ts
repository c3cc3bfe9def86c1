import type { DataSource } from 'typeorm';
import { hasDatasetImports, recordDatasetImport } from '#platform/dataset-imports';
import { insertRows } from '#platform/ingestion';
import { logger } from '#platform/logger';
import type { SeedOptions, SeedReport } from '#platform/subgraph';
import { TrainingCallForProjects } from '#training/modules/call-for-projects/call-for-projects.entity';
import { TrainingCohort } from '#training/modules/cohort/cohort.entity';
import { TrainingCourse } from '#training/modules/course/course.entity';
import { TrainingProvider } from '#training/modules/provider/provider.entity';
import { TrainingSponsor } from '#training/modules/sponsor/sponsor.entity';
import { TrainingSponsorship } from '#training/modules/sponsorship/sponsorship.entity';
import { TrainingHire } from '#training/modules/hire/hire.entity';
import { generateTraining, MAX_SCALE } from './generate';

export const isTrainingSeeded = (db: DataSource): Promise<boolean> => hasDatasetImports(db.manager);

/** The tables in the order they are filled (and emptied in reverse: foreign keys point backwards). */
const TABLES = ['call_for_projects', 'provider', 'course', 'cohort', 'sponsor', 'sponsorship', 'hire'];

/**
 * Fills the training schema with generated ParisCode data (Paris publishes none), in one
 * transaction. The options are checked and every row generated before anything is written;
 * running it again replaces the rows, so the same seed and scale always leave the same tables.
 */
export async function seedTraining(db: DataSource, options: SeedOptions): Promise<SeedReport[]> {
  // `npm start -- --scale 365` asks for a year of readings; ParisCode's cohorts stop growing at
  // MAX_SCALE times the brochure's, so the platform starts instead of refusing the whole seed.
  const scale = Math.min(options.scale, MAX_SCALE);
  if (scale < options.scale)
    logger.warn({ asked: options.scale, used: scale }, 'training data generated at its largest scale');
  const rows = generateTraining({ seed: options.seed, scale });
  const datasets = [
    { id: 'training-calls-for-projects', rows: rows.calls.length },
    { id: 'training-providers', rows: rows.providers.length },
    { id: 'training-courses', rows: rows.courses.length },
    { id: 'training-cohorts', rows: rows.cohorts.length },
    { id: 'training-sponsors', rows: rows.sponsors.length },
  ];
  await db.transaction(async (manager) => {
    for (const table of [...TABLES].reverse()) await manager.query(`DELETE FROM ${table}`);
    await insertRows(manager, TrainingCallForProjects, rows.calls);
    await insertRows(manager, TrainingProvider, rows.providers);
    await insertRows(manager, TrainingCourse, rows.courses);
    await insertRows(manager, TrainingCohort, rows.cohorts);
    await insertRows(manager, TrainingSponsor, rows.sponsors);
    await insertRows(manager, TrainingSponsorship, rows.sponsorships);
    await insertRows(manager, TrainingHire, rows.hires);
    for (const dataset of datasets) {
      await recordDatasetImport(manager, {
        datasetId: dataset.id,
        provenance: 'GENERATED',
        source: 'ParisCode generator grounded on the "Smart and Sustainable Paris" brochure',
        seed: options.seed,
        scale,
        rowCount: dataset.rows,
        checksum: rows.checksum,
      });
    }
  });
  return datasets.map((dataset) => ({ dataset: dataset.id, rows: dataset.rows, source: 'generated' }));
}
