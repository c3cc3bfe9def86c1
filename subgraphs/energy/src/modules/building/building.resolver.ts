import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import type { Connection } from '#platform/pagination';
import { BuildingPerformance } from '../energy-summary/energy-summary.entity';
import { buildingPerformance } from '../energy-summary/energy-summary.resolver';
import { Meter } from '../meter/meter.entity';
import { metersByBuilding } from '../meter/meter.loader';
import { readingWindow, ReadingWindowArgs } from '../meter-reading/meter-reading.input';
import { Retrofit } from '../retrofit/retrofit.entity';
import { retrofitsByBuilding } from '../retrofit/retrofit.loader';
import { Building, BuildingConnection } from './building.entity';
import { BuildingsArgs } from './building.input';
import { buildingById } from './building.loader';
import { BuildingService } from './building.service';

@Resolver(() => Building)
export class BuildingResolver {
  @Query(() => BuildingConnection, {
    description:
      'Public buildings whose energy the City follows, by id (arrondissement, then number) unless `orderBy` says otherwise.',
  })
  buildings(
    @Args(() => BuildingsArgs) args: BuildingsArgs,
    @Ctx() context: BaseContext,
  ): Promise<Connection<Building>> {
    return new BuildingService(context.db).list(args);
  }

  @Query(() => Building, { nullable: true })
  building(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Building | null> {
    return buildingById(context).load(id);
  }

  @FieldResolver(() => [Meter], {
    description: 'Electricity and water always; a HEAT or GAS meter for the heating.',
  })
  meters(@Root() building: Building, @Ctx() context: BaseContext): Promise<Meter[]> {
    return metersByBuilding(context).load(building.id);
  }

  @FieldResolver(() => [Retrofit], {
    description:
      'Energy retrofit works on the building, oldest first, with the consumption measured before and after.',
  })
  retrofits(@Root() building: Building, @Ctx() context: BaseContext): Promise<Retrofit[]> {
    return retrofitsByBuilding(context).load(building.id);
  }

  @FieldResolver(() => BuildingPerformance)
  performance(
    @Root() building: Building,
    @Args(() => ReadingWindowArgs) window: ReadingWindowArgs,
  ): BuildingPerformance {
    return buildingPerformance(building, readingWindow(window));
  }
}
