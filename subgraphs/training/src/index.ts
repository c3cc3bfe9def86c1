import 'reflect-metadata';
import type { SubgraphService } from '#platform/subgraph';
import { TrainingCallForProjects } from './modules/call-for-projects/call-for-projects.entity';
import { TrainingCohort } from './modules/cohort/cohort.entity';
import { TrainingCourse } from './modules/course/course.entity';
import { TrainingProvider } from './modules/provider/provider.entity';
import { TrainingSponsor } from './modules/sponsor/sponsor.entity';
import { TrainingSponsorship } from './modules/sponsorship/sponsorship.entity';
import { TrainingHire } from './modules/hire/hire.entity';
import { buildTrainingSchema } from './schema';

/** Training: ParisCode, the City's digital-skills courses for job seekers, their outcomes and sponsors. */
export const training: SubgraphService = {
  name: 'training',
  entities: [
    TrainingCallForProjects,
    TrainingProvider,
    TrainingCourse,
    TrainingCohort,
    TrainingSponsor,
    TrainingSponsorship,
    TrainingHire,
  ],
  buildSchema: buildTrainingSchema,
};
