import 'reflect-metadata';
import { runSubgraphMain } from '../../../platform/src/main';
import type { SubgraphDefinition } from '../../../platform/src/subgraph';
import { datacityMigrations } from '../../../migrations/datacity';
import { isDatacitySeeded, seedDatacity } from '../../../datasets/datacity';
import { datacityDatasets } from '../../../datasets/datacity/catalog';
import { Challenge } from './modules/challenge/challenge.entity';
import { Experiment } from './modules/experiment/experiment.entity';
import { ChallengeSelection } from './modules/selection/selection.entity';
import { ChallengeSite } from './modules/site/site.entity';
import { Startup } from './modules/startup/startup.entity';
import { buildDatacitySchema } from './schema';

/** DataCity: the city's open-innovation programme (39 challenges, the start-ups selected, their experiments on site). */
export const datacity: SubgraphDefinition = {
  name: 'datacity',
  entities: [Challenge, Startup, ChallengeSelection, ChallengeSite, Experiment],
  migrations: datacityMigrations,
  buildSchema: buildDatacitySchema,
  datasets: datacityDatasets,
  isSeeded: isDatacitySeeded,
  seed: seedDatacity,
};

if (require.main === module) runSubgraphMain(datacity);
