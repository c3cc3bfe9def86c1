import { CreateDatasetImports1764000000000 } from '../../platform/src/dataset-imports';
import { CreateEnergy1764000000200 } from './1764000000200-CreateEnergy';

/** The energy schema's migrations, in the order they run. */
export const energyMigrations = [CreateDatasetImports1764000000000, CreateEnergy1764000000200];
