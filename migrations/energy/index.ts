import { CreateDatasetImports1764000000000 } from '#platform/dataset-imports';
import { CreateEventLog1764000000001 } from '#platform/events/migration';
import { CreateEnergy1764000000200 } from './1764000000200-CreateEnergy';
import { AddMeterReadingClientId1764000000300 } from './1764000000300-AddMeterReadingClientId';
import { CreateMeterReadingRollups1764000000400 } from './1764000000400-CreateMeterReadingRollups';
import { PartialMeterReadingClientIdIndex1764000000500 } from './1764000000500-PartialMeterReadingClientIdIndex';
import { SearchBuildings1764000013100 } from './1764000013100-SearchBuildings';
import { CreateRetrofits1764000013200 } from './1764000013200-CreateRetrofits';

/**
 * The energy schema's migrations, in the order they run. The event log and the client reading id
 * came after the first release: both only add tables or a column, so existing databases take them;
 * the roll-ups are filled from the readings already stored.
 */
export const energyMigrations = [
  CreateDatasetImports1764000000000,
  CreateEnergy1764000000200,
  CreateEventLog1764000000001,
  AddMeterReadingClientId1764000000300,
  CreateMeterReadingRollups1764000000400,
  PartialMeterReadingClientIdIndex1764000000500,
  SearchBuildings1764000013100,
  CreateRetrofits1764000013200,
];
