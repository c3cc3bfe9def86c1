import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { EnergyContext } from '../../context';
import { EnergyConsumptionBucket } from './consumption.entity';
import { EnergyConsumptionInput } from './consumption.input';
import { ConsumptionService } from './consumption.service';

@Resolver(() => EnergyConsumptionBucket)
export class ConsumptionResolver {
  @Query(() => [EnergyConsumptionBucket], {
    description:
      'Consumption per hour, day, week or month of a building, meter, district, arrondissement or the whole city: ' +
      'sum, mean, min, max, peak power and kWh/m², aggregated in the database.',
  })
  energyConsumption(
    @Arg('filter', () => EnergyConsumptionInput) filter: EnergyConsumptionInput,
    @Ctx() context: EnergyContext,
  ): Promise<EnergyConsumptionBucket[]> {
    return new ConsumptionService(context.db).aggregate(filter);
  }
}
