import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { AccompanimentStatsPeriod } from './accompaniment-stats.entity';

@ArgsType()
export class AccompanimentStatsArgs {
  @Field(() => AccompanimentStatsPeriod, { defaultValue: AccompanimentStatsPeriod.YEAR })
  period: AccompanimentStatsPeriod;

  @Field(() => Int, { nullable: true, description: 'First year to include (the service started in 2019).' })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year to include.' })
  toYear?: number | null;
}

@InputType('AccompanimentStatsFilter')
export class AccompanimentStatsFilter {
  @Field(() => Int, { nullable: true, description: '1–20; all arrondissements when left out.' })
  arrondissement?: number | null;

  @Field(() => AccompanimentStatsPeriod, { defaultValue: AccompanimentStatsPeriod.YEAR })
  period: AccompanimentStatsPeriod;

  @Field(() => Int, { nullable: true })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true })
  toYear?: number | null;
}
