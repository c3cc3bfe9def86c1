import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType('Citation', { description: 'The published document a fact or figure comes from.' })
@Entity({ name: 'citation' })
export class Citation {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { description: 'Who published it, e.g. "City of Paris".' })
  @Column({ type: 'text' })
  publisher: string;

  @Field(() => Int, { nullable: true, description: 'Year of publication.' })
  @Column({ type: 'smallint', nullable: true })
  year: number | null;

  @Field(() => String, { nullable: true, description: 'Where to read it, when it is online.' })
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How the document was read (e.g. how its year was dated).',
  })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
