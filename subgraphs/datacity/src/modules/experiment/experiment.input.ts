import { Field, ID, InputType, Int } from 'type-graphql';
import { ExperimentOutcome } from './experiment.entity';

@InputType('ExperimentFilter', { description: 'Every given criterion must hold.' })
export class ExperimentFilter {
  @Field(() => Int, { nullable: true, description: 'The arrondissement of the experiment site (1–20).' })
  arrondissement?: number | null;

  @Field(() => ID, { nullable: true })
  challenge?: string | null;

  @Field(() => ID, { nullable: true })
  startup?: string | null;

  @Field(() => ExperimentOutcome, { nullable: true })
  outcome?: ExperimentOutcome | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only experiments still running (no outcome yet).',
  })
  running?: boolean | null;
}
