import 'reflect-metadata';
import type { SubgraphService } from '#platform/subgraph';
import { Challenge } from './modules/challenge/challenge.entity';
import { Experiment } from './modules/experiment/experiment.entity';
import { ChallengeSelection } from './modules/selection/selection.entity';
import { ChallengeSite } from './modules/site/site.entity';
import { Startup } from './modules/startup/startup.entity';
import { buildDatacitySchema } from './schema';

/** DataCity: the city's open-innovation programme (39 challenges, the start-ups selected, their experiments on site). */
export const datacity: SubgraphService = {
  name: 'datacity',
  entities: [Challenge, Startup, ChallengeSelection, ChallengeSite, Experiment],
  buildSchema: buildDatacitySchema,
};
