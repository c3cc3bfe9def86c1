import { Arg, Args, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { WasteStream } from '../../waste-stream';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { WasteCollectionConnection } from '../collection/collection.entity';
import { collectionsByStation } from '../collection/collection.loader';
import { WasteContainer } from '../container/container.entity';
import { containersByStation } from '../container/container.loader';
import { stationState } from '../container/container.service';
import { WasteStation, WasteStationConnection } from './station.entity';
import { WasteStationFilter, WasteStationOrder } from './station.input';
import { stationById } from './station.loader';
import { StationService } from './station.service';

@Resolver(() => WasteStation)
export class StationResolver {
  @Query(() => WasteStationConnection, {
    description:
      "Trilib' stations, glass columns and Tri Mobile stops, by arrondissement then id unless `orderBy` says otherwise. E.g. free glass capacity within 500 m: " +
      '`filter: { near: { latitude, longitude, radiusMeters: 500 }, hasCapacityFor: GLASS }`.',
  })
  wasteStations(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => WasteStationFilter, { nullable: true }) filter: WasteStationFilter | null,
    @Arg('orderBy', () => [WasteStationOrder], { nullable: true }) orderBy: WasteStationOrder[] | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<WasteStation>> {
    return new StationService(context.db).list(filter ?? {}, page, orderBy);
  }

  @Query(() => WasteStation, { nullable: true })
  wasteStation(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<WasteStation | null> {
    return stationById(context).load(id);
  }

  @FieldResolver(() => Arrondissement)
  arrondissement(@Root() station: WasteStation): Arrondissement {
    return { code: station.arrondissementCode };
  }

  @FieldResolver(() => [WasteContainer], { description: 'Containers by stream; a Tri Mobile stop has none.' })
  async containers(
    @Root() station: WasteStation,
    @Arg('stream', () => WasteStream, { nullable: true }) stream: WasteStream | null,
    @Ctx() context: BaseContext,
  ): Promise<WasteContainer[]> {
    const containers = await containersByStation(context).load(station.id);
    return stream ? containers.filter((container) => container.stream === stream) : containers;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'The fill level of its fullest observed container (0–1).',
  })
  async fillingLevel(@Root() station: WasteStation, @Ctx() context: BaseContext): Promise<number | null> {
    return stationState(await containersByStation(context).load(station.id)).fillingLevel;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'The latest fill level observed on any of its containers.',
  })
  async dateLastFillingLevel(
    @Root() station: WasteStation,
    @Ctx() context: BaseContext,
  ): Promise<Date | null> {
    return stationState(await containersByStation(context).load(station.id)).dateLastFillingLevel;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'The last time any of its containers was emptied.',
  })
  async dateLastEmptying(@Root() station: WasteStation, @Ctx() context: BaseContext): Promise<Date | null> {
    return stationState(await containersByStation(context).load(station.id)).dateLastEmptying;
  }

  @FieldResolver(() => WasteCollectionConnection, {
    description: 'Collections at this station, the most recent first.',
  })
  collections(
    @Root() station: WasteStation,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('stream', () => WasteStream, { nullable: true }) stream: WasteStream | null,
    @Ctx() context: BaseContext,
  ): Promise<WasteCollectionConnection> {
    return collectionsByStation(context, stream, page).load(station.id);
  }
}
