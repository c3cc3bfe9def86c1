import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { ConnectionType } from '#platform/pagination';

export enum TrainingSponsorKind {
  COMPANY = 'COMPANY',
  FOUNDATION = 'FOUNDATION',
  STARTUP = 'STARTUP',
}

registerEnumType(TrainingSponsorKind, {
  name: 'TrainingSponsorKind',
  description:
    'COMPANY: a business; FOUNDATION: a corporate or private foundation; STARTUP: a DataCity start-up.',
});

@Directive('@key(fields: "id")')
@ObjectType('TrainingSponsor', {
  description: 'A business that sponsors ParisCode courses (€1.3 M raised since 2016).',
})
@Entity({ name: 'sponsor' })
export class TrainingSponsor {
  @Field(() => ID)
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String, {
    description: 'The name ParisCode records; for a start-up, `startup { name }` is the authoritative one.',
  })
  @Column({ type: 'text' })
  name: string;

  @Field(() => TrainingSponsorKind)
  @Column({ type: 'text' })
  kind: TrainingSponsorKind;

  /** A DataCity start-up's id (`startup-007`), owned by the datacity subgraph. */
  @Column({ type: 'text', nullable: true })
  startupId: string | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

@ObjectType('TrainingSponsorConnection')
export class TrainingSponsorConnection extends ConnectionType(TrainingSponsor) {}
