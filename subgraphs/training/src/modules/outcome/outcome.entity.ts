import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ratio } from '../cohort/cohort.entity';

@ObjectType('TrainingOutcomes', {
  description:
    'What became of the trainees of the cohorts that started in one year, six months after their course.',
})
export class TrainingOutcomes {
  @Field(() => Int, { description: 'Year the cohorts started.' })
  year: number;

  @Field(() => Int)
  courses: number;

  @Field(() => Int)
  cohorts: number;

  @Field(() => Int, { description: 'Training places funded.' })
  places: number;

  @Field(() => Int, { description: 'Trainees who started.' })
  trainees: number;

  @Field(() => Int)
  completed: number;

  @Field(() => Int)
  certified: number;

  @Field(() => Int)
  employedWithin6Months: number;

  @Field(() => Int)
  furtherStudies: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Trainees who completed, among those who started (0–1).',
  })
  completionRate(): number | null {
    return ratio(this.completed, this.trainees);
  }

  @Field(() => Float, {
    nullable: true,
    description: 'In employment or further studies six months after, among those who completed (0–1).',
  })
  successRate(): number | null {
    return ratio(this.employedWithin6Months + this.furtherStudies, this.completed);
  }

  @Field(() => Float, {
    nullable: true,
    description: 'In employment six months after, among those who completed (0–1).',
  })
  employmentRate(): number | null {
    return ratio(this.employedWithin6Months, this.completed);
  }
}
