import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { selectsRows, type Connection } from '#platform/pagination';
import { BuildingConnection, type Building } from '../building/building.entity';
import { PlaceBuildingsArgs } from '../building/building.input';
import { buildingsByDistrict } from '../building/building.loader';
import { DistrictEnergy } from '../energy-summary/energy-summary.entity';
import { energySummary } from '../energy-summary/energy-summary.resolver';
import { readingWindow, ReadingWindowArgs } from '../meter-reading/meter-reading.input';
import { District } from './district.entity';

@Resolver(() => District)
export class DistrictResolver {
  @FieldResolver(() => BuildingConnection, {
    description: 'The buildings of the district (the CoRDEES perimeter for Clichy-Batignolles).',
  })
  buildings(
    @Root() district: District,
    @Args(() => PlaceBuildingsArgs) args: PlaceBuildingsArgs,
    @Ctx() context: BaseContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Building>> {
    return buildingsByDistrict(context, args, selectsRows(info)).load(district.id);
  }

  @FieldResolver(() => DistrictEnergy, {
    description: 'Building stock and audited consumption; `measured` sums the readings within the window.',
  })
  energy(
    @Root() district: District,
    @Args(() => ReadingWindowArgs) window: ReadingWindowArgs,
    @Ctx() context: BaseContext,
  ): Promise<DistrictEnergy> {
    return energySummary(DistrictEnergy, 'district', district.id, readingWindow(window), context);
  }
}
