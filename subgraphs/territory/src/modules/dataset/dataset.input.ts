import { Field, InputType } from 'type-graphql';

@InputType('DatasetFilter')
export class DatasetFilter {
  @Field(() => String, { nullable: true, description: 'An EU data theme, e.g. ENER.' })
  theme?: string | null;

  @Field(() => String, { nullable: true, description: 'A keyword, matched case-insensitively.' })
  keyword?: string | null;
}
