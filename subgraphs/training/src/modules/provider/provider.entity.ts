import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { ConnectionType } from '#platform/pagination';

export enum TrainingProviderKind {
  SCHOOL = 'SCHOOL',
  ASSOCIATION = 'ASSOCIATION',
  COMPANY = 'COMPANY',
}

registerEnumType(TrainingProviderKind, {
  name: 'TrainingProviderKind',
  description:
    'SCHOOL: a coding school; ASSOCIATION: a non-profit; COMPANY: a private training organisation.',
});

@Directive('@key(fields: "id")')
@ObjectType('TrainingProvider', { description: 'An organisation that runs ParisCode courses.' })
@Entity({ name: 'provider' })
export class TrainingProvider {
  @Field(() => ID)
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => TrainingProviderKind)
  @Column({ type: 'text' })
  kind: TrainingProviderKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'smallint', nullable: true })
  foundedYear: number | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

@ObjectType('TrainingProviderConnection')
export class TrainingProviderConnection extends ConnectionType(TrainingProvider) {}
