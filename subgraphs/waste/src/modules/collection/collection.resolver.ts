import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { WasteStation } from '../station/station.entity';
import { stationById } from '../station/station.loader';
import { WasteCollection } from './collection.entity';

@Resolver(() => WasteCollection)
export class CollectionResolver {
  @FieldResolver(() => WasteStation)
  async station(@Root() collection: WasteCollection, @Ctx() context: BaseContext): Promise<WasteStation> {
    const station = await stationById(context).load(collection.stationId);
    if (!station) throw new Error(`Collection ${collection.id} points at a missing station`);
    return station;
  }
}
