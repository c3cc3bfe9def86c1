import { CreateDatasetImports1764000000000 } from '#platform/dataset-imports';
import { CreateTerritory1764000000100 } from './1764000000100-CreateTerritory';
import { PublishAreaRings1764000013100 } from './1764000013100-PublishAreaRings';
import { CreateCityFiguresAndProjects1764000013200 } from './1764000013200-CreateCityFiguresAndProjects';

/** The territory schema's migrations, in the order they run. */
export const territoryMigrations = [
  CreateDatasetImports1764000000000,
  CreateTerritory1764000000100,
  PublishAreaRings1764000013100,
  CreateCityFiguresAndProjects1764000013200,
];
