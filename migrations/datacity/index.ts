import { CreateDatasetImports1764000000000 } from '#platform/dataset-imports';
import { CreateDatacity1764000000200 } from './1764000000200-CreateDatacity';
import { SearchDatacity1764000013100 } from './1764000013100-SearchDatacity';

/** The datacity schema's migrations, in the order they run. */
export const datacityMigrations = [
  CreateDatasetImports1764000000000,
  CreateDatacity1764000000200,
  SearchDatacity1764000013100,
];
