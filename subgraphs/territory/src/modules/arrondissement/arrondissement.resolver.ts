import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { validateNear } from '#platform/geo';
import { District } from '../district/district.entity';
import { districtsByArrondissement } from '../district/district.loader';
import { Arrondissement } from './arrondissement.entity';
import { PointArgs } from './arrondissement.input';
import { arrondissementByCode } from './arrondissement.loader';
import { ArrondissementService } from './arrondissement.service';

@Resolver(() => Arrondissement)
export class ArrondissementResolver {
  @Query(() => [Arrondissement], { description: 'The 20 arrondissements, in order.' })
  arrondissements(@Ctx() context: BaseContext): Promise<Arrondissement[]> {
    return new ArrondissementService(context.db).list();
  }

  @Query(() => Arrondissement, { nullable: true })
  arrondissement(
    @Arg('code', () => Int) code: number,
    @Ctx() context: BaseContext,
  ): Promise<Arrondissement | null> {
    ArrondissementService.validateCode(code);
    return arrondissementByCode(context).load(code);
  }

  @Query(() => Arrondissement, {
    nullable: true,
    description: 'The arrondissement containing a point, if it is in Paris.',
  })
  arrondissementAt(
    @Args(() => PointArgs) point: PointArgs,
    @Ctx() context: BaseContext,
  ): Promise<Arrondissement | null> {
    validateNear({ ...point, radiusMeters: 1 });
    return new ArrondissementService(context.db).containing(point.latitude, point.longitude);
  }

  @FieldResolver(() => [District])
  districts(@Root() arrondissement: Arrondissement, @Ctx() context: BaseContext): Promise<District[]> {
    return districtsByArrondissement(context).load(arrondissement.code);
  }
}
