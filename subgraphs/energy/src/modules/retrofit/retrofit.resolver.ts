import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { Building } from '../building/building.entity';
import { buildingById } from '../building/building.loader';
import { Retrofit } from './retrofit.entity';

@Resolver(() => Retrofit)
export class RetrofitResolver {
  @FieldResolver(() => Building)
  async building(@Root() retrofit: Retrofit, @Ctx() context: BaseContext): Promise<Building> {
    return (await buildingById(context).load(retrofit.buildingId)) as Building;
  }
}
