import { Field, ID, InputType, Int } from 'type-graphql';
import { MeterKind } from '../meter/meter.entity';
import { Granularity } from '#platform/time-buckets';

@InputType('EnergyConsumptionInput', {
  description: 'What to aggregate: at most one scope (none: the whole city), a time range and a bucket size.',
})
export class EnergyConsumptionInput {
  @Field(() => ID, { nullable: true })
  buildingId?: string | null;

  @Field(() => ID, { nullable: true })
  meterId?: string | null;

  @Field(() => ID, { nullable: true })
  districtId?: string | null;

  @Field(() => Int, { nullable: true })
  arrondissement?: number | null;

  @Field(() => [MeterKind], {
    nullable: true,
    description: 'Energy meters only (HEAT, ELECTRICITY, GAS); all three by default.',
  })
  kinds?: MeterKind[] | null;

  @Field(() => Granularity)
  granularity: Granularity;

  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;
}
