import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs } from '#platform/pagination';
import { FillingLevelObservationConnection } from '../observation/observation.entity';
import { observationsByContainer } from '../observation/observation.loader';
import { WasteStation } from '../station/station.entity';
import { stationById } from '../station/station.loader';
import { WasteContainer } from './container.entity';

@Resolver(() => WasteContainer)
export class ContainerResolver {
  @FieldResolver(() => WasteStation)
  async station(@Root() container: WasteContainer, @Ctx() context: BaseContext): Promise<WasteStation> {
    const station = await stationById(context).load(container.stationId);
    if (!station) throw new Error(`Container ${container.id} points at a missing station`);
    return station;
  }

  @FieldResolver(() => FillingLevelObservationConnection, {
    description: 'Past fill levels, the most recent first.',
  })
  observations(
    @Root() container: WasteContainer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: BaseContext,
  ): Promise<FillingLevelObservationConnection> {
    return observationsByContainer(context, page).load(container.id);
  }
}
