import { Field, ID, InputType } from 'type-graphql';
import { TrainingSponsorKind } from './sponsor.entity';

@InputType('TrainingSponsorFilter')
export class TrainingSponsorFilter {
  @Field(() => TrainingSponsorKind, { nullable: true })
  kind?: TrainingSponsorKind | null;

  @Field(() => ID, { nullable: true, description: 'The sponsor that is this DataCity start-up.' })
  startup?: string | null;
}
