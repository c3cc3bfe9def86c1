import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { PlaceFilter, SEARCH_DESCRIPTION } from '#platform/exploring';
import { OrderByInput } from '#platform/ordering';
import { ChallengeStatus, ChallengeTheme } from './challenge.entity';

@InputType('ChallengeFilter', { description: 'Every given criterion must hold.' })
export class ChallengeFilter extends PlaceFilter {
  @Field(() => Int, { nullable: true, description: 'The arrondissement hosting the experiments (1–20).' })
  arrondissement?: number | null;

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

  @Field(() => String, {
    nullable: true,
    description: `${SEARCH_DESCRIPTION} Over the title, the description and the city department.`,
  })
  search?: string | null;
}
export enum ChallengeOrderField {
  ID = 'ID',
  TITLE = 'TITLE',
  SEASON = 'SEASON',
  LAUNCH_DATE = 'LAUNCH_DATE',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
  DISTANCE = 'DISTANCE',
  RELEVANCE = 'RELEVANCE',
}

registerEnumType(ChallengeOrderField, {
  name: 'ChallengeOrderField',
  description: 'ID: by season then number; DISTANCE needs `filter.near`, RELEVANCE `filter.search`.',
});

export const ChallengeOrder = OrderByInput(ChallengeOrderField, 'ChallengeOrder');
export type ChallengeOrder = InstanceType<typeof ChallengeOrder>;
