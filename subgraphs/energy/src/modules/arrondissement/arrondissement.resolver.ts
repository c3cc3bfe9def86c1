import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { selectsRows, type Connection } from '#platform/pagination';
import { BuildingConnection, type Building } from '../building/building.entity';
import { PlaceBuildingsArgs } from '../building/building.input';
import { buildingsByArrondissement } from '../building/building.loader';
import { ArrondissementEnergy } from '../energy-summary/energy-summary.entity';
import { energySummary } from '../energy-summary/energy-summary.resolver';
import { readingWindow, ReadingWindowArgs } from '../meter-reading/meter-reading.input';
import { Arrondissement } from './arrondissement.entity';

@Resolver(() => Arrondissement)
export class ArrondissementResolver {
  @FieldResolver(() => BuildingConnection, {
    description: 'The public buildings of the arrondissement whose energy the City follows.',
  })
  buildings(
    @Root() arrondissement: Arrondissement,
    @Args(() => PlaceBuildingsArgs) args: PlaceBuildingsArgs,
    @Ctx() context: BaseContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Building>> {
    return buildingsByArrondissement(context, args, selectsRows(info)).load(arrondissement.code);
  }

  @FieldResolver(() => ArrondissementEnergy, {
    description: 'Building stock and audited consumption; `measured` sums the readings within the window.',
  })
  energy(
    @Root() arrondissement: Arrondissement,
    @Args(() => ReadingWindowArgs) window: ReadingWindowArgs,
    @Ctx() context: BaseContext,
  ): Promise<ArrondissementEnergy> {
    return energySummary(
      ArrondissementEnergy,
      'arrondissement',
      arrondissement.code,
      readingWindow(window),
      context,
    );
  }
}
