import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';

/** `part / whole`, or null when there is no whole to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

@Directive('@key(fields: "id")')
@ObjectType('TrainingCohort', {
  description:
    'One session of a course: the trainees who started together, and what became of them six months after.',
})
@Entity({ name: 'cohort' })
export class TrainingCohort {
  @Field(() => ID, { description: 'The course id and the session number, e.g. "PC-2017-0014-2".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  courseId: string;

  @Field(() => Int, { description: 'Year the cohort started.' })
  @Column({ type: 'smallint' })
  year: number;

  @Field(() => String, { description: 'First day, as an ISO 8601 date.' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => String, { description: 'Last day, as an ISO 8601 date.' })
  @Column({ type: 'date' })
  endDate: string;

  @Field(() => Int, { description: 'Places funded for this session.' })
  @Column({ type: 'integer' })
  places: number;

  @Field(() => Int, { description: 'Trainees who started.' })
  @Column({ type: 'integer' })
  enrolled: number;

  @Field(() => Int, { description: 'Trainees who followed the course to its end.' })
  @Column({ type: 'integer' })
  completed: number;

  @Field(() => Int, { description: 'Trainees who obtained the certification.' })
  @Column({ type: 'integer' })
  certified: number;

  @Field(() => Int, { description: 'Trainees in employment six months after the end of the course.' })
  @Column({ type: 'integer', name: 'employed_within_6_months' })
  employedWithin6Months: number;

  @Field(() => Int, { description: 'Trainees who went on to further studies instead.' })
  @Column({ type: 'integer' })
  furtherStudies: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "ParisCode's success rate, 0–1: trainees in employment or further studies six months after, among those who completed.",
  })
  successRate(): number | null {
    return ratio(this.employedWithin6Months + this.furtherStudies, this.completed);
  }

  @Field(() => Float, {
    nullable: true,
    description: 'Trainees employed six months after, among those who completed (0–1).',
  })
  employmentRate(): number | null {
    return ratio(this.employedWithin6Months, this.completed);
  }

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
