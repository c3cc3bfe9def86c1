import { CreateDatasetImports1764000000000 } from '#platform/dataset-imports';
import { CreateEventLog1764000000001 } from '#platform/events/migration';
import { CreateBudget1764000000200 } from './1764000000200-CreateBudget';
import { SearchBudgetProjects1764000013100 } from './1764000013100-SearchBudgetProjects';

/**
 * The budget schema's migrations. The event log was added after the schema shipped; TypeORM
 * runs every migration not yet recorded, so databases created before it get the table too.
 */
export const budgetMigrations = [
  CreateDatasetImports1764000000000,
  CreateBudget1764000000200,
  CreateEventLog1764000000001,
  SearchBudgetProjects1764000013100,
];
