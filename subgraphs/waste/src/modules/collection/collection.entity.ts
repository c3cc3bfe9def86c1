import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { ConnectionType } from '#platform/pagination';
import { WasteStream } from '../../waste-stream';

/** A round of the collection truck: every container of one stream at a station emptied at once. */
@ObjectType('WasteCollection', { description: 'One collection of a stream at a station.' })
@Entity({ name: 'waste_collection' })
export class WasteCollection {
  @Field(() => ID)
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  stationId: string;

  @Field(() => WasteStream)
  @Column({ type: 'text' })
  stream: WasteStream;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  collectedAt: Date;

  @Field(() => Float, { description: 'Weight collected, in kilograms.' })
  @Column({ type: 'double precision' })
  weightKg: number;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  recordedAt: Date;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

@ObjectType('WasteCollectionConnection')
export class WasteCollectionConnection extends ConnectionType(WasteCollection) {}
