import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';

@Directive('@key(fields: "year")')
@ObjectType('TrainingCallForProjects', {
  description:
    "ParisCode's annual call for projects, through which the City funds training places (about €1 M a year).",
})
@Entity({ name: 'call_for_projects' })
export class TrainingCallForProjects {
  @Field(() => Int)
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => Int, {
    description: 'Budget of the call, in euros: the sum of the grants of the courses it funds.',
  })
  @Column({ type: 'integer' })
  budgetEuros: number;

  @Field(() => String, { description: 'Day applications opened, as an ISO 8601 date.' })
  @Column({ type: 'date' })
  openedOn: string;

  @Field(() => String, { description: 'Day applications closed, as an ISO 8601 date.' })
  @Column({ type: 'date' })
  closedOn: string;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
