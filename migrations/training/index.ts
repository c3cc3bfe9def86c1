import { CreateDatasetImports1764000000000 } from '#platform/dataset-imports';
import { CreateTraining1764000000200 } from './1764000000200-CreateTraining';
import { SearchTrainingCourses1764000013100 } from './1764000013100-SearchTrainingCourses';

/** The training schema's migrations, in the order they run. */
export const trainingMigrations = [
  CreateDatasetImports1764000000000,
  CreateTraining1764000000200,
  SearchTrainingCourses1764000013100,
];
