import { ArgsType, Field } from 'type-graphql';
import { badInput } from '#platform/errors';
import { CityIndicator } from '../city-figure/city-figure.entity';

@ArgsType()
export class CityFiguresArgs {
  @Field(() => [CityIndicator], {
    nullable: true,
    description: 'Only these indicators (at least one); absent: every figure.',
  })
  indicators?: CityIndicator[] | null;
}

export function validateCityFiguresArgs(args: CityFiguresArgs): void {
  if (args.indicators && args.indicators.length === 0)
    throw badInput('`indicators` must name at least one indicator, or be left out for all', 'indicators');
}
