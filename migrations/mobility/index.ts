import { CreateDatasetImports1764000000000 } from '#platform/dataset-imports';
import { CreateEventLog1764000000001 } from '#platform/events/migration';
import { CreateMobility1764000000200 } from './1764000000200-CreateMobility';

/**
 * The mobility schema's migrations. The event log was added after the schema shipped; TypeORM
 * runs every migration not yet recorded, so databases created before it get the table too.
 */
export const mobilityMigrations = [
  CreateDatasetImports1764000000000,
  CreateMobility1764000000200,
  CreateEventLog1764000000001,
];
