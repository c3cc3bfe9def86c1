import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType('TrainingHire', { description: 'Trainees of a cohort hired by a DataCity start-up.' })
@Entity({ name: 'hire' })
export class TrainingHire {
  @PrimaryColumn({ type: 'text' })
  cohortId: string;

  /** A DataCity start-up's id (`startup-007`), owned by the datacity subgraph. */
  @PrimaryColumn({ type: 'text' })
  startupId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  trainees: number;
}
