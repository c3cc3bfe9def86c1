import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { ConnectionType } from '#platform/pagination';

/** The history of fill levels, kept apart from the containers' current state (append-only). */
@ObjectType('FillingLevelObservation', { description: 'One fill level a sensor reported for a container.' })
@Entity({ name: 'filling_level_observation' })
export class FillingLevelObservation {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The sensor’s own id of the report (`reportFillLevel`); null for imported history.',
  })
  @Column({ type: 'text', nullable: true })
  reportId: string | null;

  @Column({ type: 'text' })
  containerId: string;

  @Field(() => Float, { description: '0 to 1.' })
  @Column({ type: 'double precision' })
  fillingLevel: number;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  observedAt: Date;

  @Field(() => Date, { description: 'When the platform (or the source) received it.' })
  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

@ObjectType('FillingLevelObservationConnection')
export class FillingLevelObservationConnection extends ConnectionType(FillingLevelObservation) {}
