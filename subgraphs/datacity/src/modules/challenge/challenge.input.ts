import { Field, InputType, Int } from 'type-graphql';
import { NearInput } from '../../../../../platform/src/geo';
import { ChallengeStatus, ChallengeTheme } from './challenge.entity';

@InputType('ChallengeFilter', { description: 'Every given criterion must hold.' })
export class ChallengeFilter {
  @Field(() => Int, { nullable: true, description: 'The arrondissement hosting the experiments (1–20).' })
  arrondissement?: number | null;

  @Field(() => NearInput, {
    nullable: true,
    description: 'Challenges whose main site lies within the radius.',
  })
  near?: NearInput | null;

  @Field(() => Int, { nullable: true, description: 'The DataCity season (edition year), from 2016.' })
  season?: number | null;

  @Field(() => ChallengeTheme, { nullable: true })
  theme?: ChallengeTheme | null;

  @Field(() => ChallengeStatus, { nullable: true })
  status?: ChallengeStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'A corporate partner, exactly as listed in `partners`.',
  })
  partner?: string | null;
}
