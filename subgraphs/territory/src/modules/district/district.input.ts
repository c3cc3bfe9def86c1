import { Field, InputType, Int } from 'type-graphql';

@InputType('DistrictFilter')
export class DistrictFilter {
  @Field(() => Int, { nullable: true })
  arrondissement?: number | null;

  @Field(() => String, { nullable: true, description: 'ECO_DISTRICT, URBAN_PROJECT, ...' })
  kind?: string | null;
}
