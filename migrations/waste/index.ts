import { CreateDatasetImports1764000000000 } from '#platform/dataset-imports';
import { CreateEventLog1764000000001 } from '#platform/events/migration';
import { CreateWaste1764000000200 } from './1764000000200-CreateWaste';
import { IndexWasteHistoryByTime1764000000300 } from './1764000000300-IndexWasteHistoryByTime';
import { SearchWasteStations1764000013100 } from './1764000013100-SearchWasteStations';

/** The waste schema's migrations, in the order they run. */
export const wasteMigrations = [
  CreateDatasetImports1764000000000,
  CreateEventLog1764000000001,
  CreateWaste1764000000200,
  IndexWasteHistoryByTime1764000000300,
  SearchWasteStations1764000013100,
];
