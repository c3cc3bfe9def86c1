import { Field, InputType, Int } from 'type-graphql';
import { NearInput } from '#platform/geo';

@InputType('BeneficiaryFilter')
export class BeneficiaryFilter {
  @Field(() => Int, { nullable: true, description: 'Home arrondissement, 1–20.' })
  arrondissement?: number | null;

  @Field(() => NearInput, { nullable: true, description: 'Around the home.' })
  near?: NearInput | null;
}
