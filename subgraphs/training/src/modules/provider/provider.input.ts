import { Field, InputType } from 'type-graphql';
import { TrainingProviderKind } from './provider.entity';

@InputType('TrainingProviderFilter')
export class TrainingProviderFilter {
  @Field(() => TrainingProviderKind, { nullable: true })
  kind?: TrainingProviderKind | null;

  @Field(() => String, { nullable: true, description: 'Words the name contains (case-insensitive).' })
  search?: string | null;
}
