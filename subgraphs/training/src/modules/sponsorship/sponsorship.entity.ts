import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType('TrainingSponsorship', { description: "A sponsor's contribution to one course." })
@Entity({ name: 'sponsorship' })
export class TrainingSponsorship {
  @PrimaryColumn({ type: 'text' })
  sponsorId: string;

  @PrimaryColumn({ type: 'text' })
  courseId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  amountEuros: number;

  @Field(() => Int, { description: 'Year of the contribution.' })
  @Column({ type: 'smallint' })
  year: number;
}
