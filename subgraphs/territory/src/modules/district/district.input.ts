import { Field, InputType, Int } from 'type-graphql';

@InputType('DistrictFilter')
export class DistrictFilter {
  @Field(() => Int, { nullable: true })
  arrondissement?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'ECO_DISTRICT, URBAN_PROJECT or URBAN_INNOVATION_NEIGHBOURHOOD.',
  })
  kind?: string | null;
}
