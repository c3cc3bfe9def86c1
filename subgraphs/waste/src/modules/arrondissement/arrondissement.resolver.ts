import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { WasteStation, WasteStationConnection } from '../station/station.entity';
import { WasteStationFilter, WasteStationOrder } from '../station/station.input';
import { stationsByArrondissement } from '../station/station.loader';
import { Arrondissement, ArrondissementWasteSummary } from './arrondissement.entity';
import { wasteSummaryByArrondissement } from './arrondissement.loader';

@Resolver(() => Arrondissement)
export class ArrondissementResolver {
  @FieldResolver(() => WasteStationConnection, {
    description: 'Its waste stations, in id order (same filter as `Query.wasteStations`).',
  })
  wasteStations(
    @Root() arrondissement: Arrondissement,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => WasteStationFilter, { nullable: true }) filter: WasteStationFilter | null,
    @Arg('orderBy', () => [WasteStationOrder], { nullable: true }) orderBy: WasteStationOrder[] | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<WasteStation>> {
    return stationsByArrondissement(context, filter ?? {}, page, orderBy).load(arrondissement.code);
  }

  @FieldResolver(() => ArrondissementWasteSummary)
  waste(
    @Root() arrondissement: Arrondissement,
    @Ctx() context: BaseContext,
  ): Promise<ArrondissementWasteSummary> {
    return wasteSummaryByArrondissement(context).load(arrondissement.code);
  }
}
