import { Field, InputType, Int } from 'type-graphql';

@InputType('VolunteerFilter')
export class VolunteerFilter {
  @Field(() => Int, { nullable: true, description: 'The arrondissement the volunteer covers, 1–20.' })
  arrondissement?: number | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}
