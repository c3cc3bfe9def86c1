import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { TrainingCohort } from '../cohort/cohort.entity';
import { cohortById } from '../cohort/cohort.loader';
import { required } from '../rows';
import { Startup } from '../startup/startup.entity';
import { TrainingHire } from './hire.entity';

@Resolver(() => TrainingHire)
export class HireResolver {
  @FieldResolver(() => Startup)
  startup(@Root() hire: TrainingHire): Startup {
    return { id: hire.startupId };
  }

  @FieldResolver(() => TrainingCohort)
  async cohort(@Root() hire: TrainingHire, @Ctx() context: BaseContext): Promise<TrainingCohort> {
    return required(await cohortById(context).load(hire.cohortId), `cohort ${hire.cohortId}`);
  }
}
