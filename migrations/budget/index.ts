import { CreateDatasetImports1764000000000 } from '../../platform/src/dataset-imports';
import { CreateBudget1764000000200 } from './1764000000200-CreateBudget';

/** The budget schema's migrations, in the order they run. */
export const budgetMigrations = [CreateDatasetImports1764000000000, CreateBudget1764000000200];
