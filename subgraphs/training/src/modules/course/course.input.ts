import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { PlaceFilter, SEARCH_DESCRIPTION } from '#platform/exploring';
import { OrderByInput } from '#platform/ordering';
import { TrainingAudience, TrainingFormat, TrainingSkillDomain } from './course.entity';

@InputType('TrainingCourseFilter', { description: 'Every criterion given must hold.' })
export class TrainingCourseFilter extends PlaceFilter {
  @Field(() => Int, { nullable: true, description: 'Arrondissement where the course is taught, 1–20.' })
  arrondissement?: number | null;

  @Field(() => Int, { nullable: true, description: 'Year of the call for projects that funded the course.' })
  year?: number | null;

  @Field(() => TrainingSkillDomain, { nullable: true })
  skillDomain?: TrainingSkillDomain | null;

  @Field(() => TrainingFormat, { nullable: true })
  format?: TrainingFormat | null;

  @Field(() => TrainingAudience, { nullable: true, description: 'Courses that list this priority audience.' })
  audience?: TrainingAudience | null;

  @Field(() => ID, { nullable: true, description: 'Courses run by this provider.' })
  provider?: string | null;

  @Field(() => ID, { nullable: true, description: 'Courses this sponsor contributes to.' })
  sponsor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `${SEARCH_DESCRIPTION} Over the title, the certification and the address.`,
  })
  search?: string | null;
}

export enum TrainingCourseOrderField {
  ID = 'ID',
  TITLE = 'TITLE',
  YEAR = 'YEAR',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
  DISTANCE = 'DISTANCE',
  RELEVANCE = 'RELEVANCE',
}

registerEnumType(TrainingCourseOrderField, {
  name: 'TrainingCourseOrderField',
  description:
    'ID: by call year then number, the default; DISTANCE needs `filter.near`, RELEVANCE `filter.search`.',
});

export const TrainingCourseOrder = OrderByInput(TrainingCourseOrderField, 'TrainingCourseOrder');
export type TrainingCourseOrder = InstanceType<typeof TrainingCourseOrder>;
