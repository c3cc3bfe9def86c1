import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { Citation } from '../citation/citation.entity';
import { citationById } from '../citation/citation.loader';
import { CityFigure } from './city-figure.entity';

@Resolver(() => CityFigure)
export class CityFigureResolver {
  @FieldResolver(() => Citation, { description: 'The document that states the figure.' })
  async source(@Root() figure: CityFigure, @Ctx() context: BaseContext): Promise<Citation> {
    return (await citationById(context).load(figure.citationId)) as Citation;
  }
}
