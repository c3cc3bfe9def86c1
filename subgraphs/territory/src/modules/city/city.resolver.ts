import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { notFound } from '#platform/errors';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { ArrondissementService } from '../arrondissement/arrondissement.service';
import { CityFigure, CityIndicator } from '../city-figure/city-figure.entity';
import { figuresByCity } from '../city-figure/city-figure.loader';
import { City } from './city.entity';
import { CityFiguresArgs, validateCityFiguresArgs } from './city.input';
import { cityById } from './city.loader';
import { CITY_ID } from './city.service';

@Resolver(() => City)
export class CityResolver {
  @Query(() => City, {
    description: 'Paris: its key figures, each with its source and year, and its arrondissements.',
  })
  async city(@Ctx() context: BaseContext): Promise<City> {
    const city = await cityById(context).load(CITY_ID);
    if (!city) throw notFound('The city is not loaded yet: seed the territory schema');
    return city;
  }

  @FieldResolver(() => [CityFigure], {
    description: 'Key figures, in the order of `CityIndicator`, the latest year first for each.',
  })
  async figures(
    @Root() city: City,
    @Args(() => CityFiguresArgs) args: CityFiguresArgs,
    @Ctx() context: BaseContext,
  ): Promise<CityFigure[]> {
    validateCityFiguresArgs(args);
    const figures = await figuresByCity(context).load(city.id);
    const indicators = args.indicators;
    return indicators ? figures.filter((figure) => indicators.includes(figure.indicator)) : figures;
  }

  @FieldResolver(() => CityFigure, { nullable: true, description: 'The latest figure of one indicator.' })
  async figure(
    @Root() city: City,
    @Arg('indicator', () => CityIndicator) indicator: CityIndicator,
    @Ctx() context: BaseContext,
  ): Promise<CityFigure | null> {
    const figures = await figuresByCity(context).load(city.id);
    return figures.find((figure) => figure.indicator === indicator) ?? null;
  }

  @FieldResolver(() => [Arrondissement], { description: 'Its 20 arrondissements, in order.' })
  arrondissements(@Ctx() context: BaseContext): Promise<Arrondissement[]> {
    return new ArrondissementService(context.db).list();
  }
}
