import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { WasteContainer } from '../container/container.entity';
import { containerById } from '../container/container.loader';
import { FillingLevelObservation } from './observation.entity';

@Resolver(() => FillingLevelObservation)
export class ObservationResolver {
  @FieldResolver(() => WasteContainer)
  async container(
    @Root() observation: FillingLevelObservation,
    @Ctx() context: BaseContext,
  ): Promise<WasteContainer> {
    const container = await containerById(context).load(observation.containerId);
    if (!container) throw new Error(`Observation ${observation.id} points at a missing container`);
    return container;
  }
}
