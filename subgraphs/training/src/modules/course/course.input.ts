import { Field, ID, InputType, Int } from 'type-graphql';
import { NearInput } from '../../../../../platform/src/geo';
import { TrainingAudience, TrainingFormat, TrainingSkillDomain } from './course.entity';

@InputType('TrainingCourseFilter', { description: 'Every criterion given must hold.' })
export class TrainingCourseFilter {
  @Field(() => Int, { nullable: true, description: 'Arrondissement where the course is taught, 1–20.' })
  arrondissement?: number | null;

  @Field(() => NearInput, { nullable: true, description: 'Courses taught within a radius of a point.' })
  near?: NearInput | null;

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

  @Field(() => String, { nullable: true, description: 'Words the title contains (case-insensitive).' })
  search?: string | null;
}
