import { CreateDatasetImports1764000000000 } from '../../platform/src/dataset-imports';
import { CreateMobility1764000000200 } from './1764000000200-CreateMobility';

/** The mobility schema's migrations, in the order they run. */
export const mobilityMigrations = [CreateDatasetImports1764000000000, CreateMobility1764000000200];
