import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { WasteStream } from '../../waste-stream';

/** The current state of one container; its past fill levels are `FillingLevelObservation`s. */
@ObjectType('WasteContainer', {
  description: 'One container of a station, for one stream (FIWARE WasteContainer).',
})
@Entity({ name: 'waste_container' })
export class WasteContainer {
  @Field(() => ID, {
    description:
      'The sensor serial number where there is one (`13014-PM 002`, `TRILIB-13-0007-V`), else `<station id>-V`.',
  })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  stationId: string;

  @Field(() => WasteStream)
  @Column({ type: 'text' })
  stream: WasteStream;

  @Field(() => [String], {
    description:
      'FIWARE storedWasteKind: glass, plastic, metal, paper, organic, electronics, batteries, hazardous, other.',
  })
  @Column({ type: 'text', array: true })
  storedWasteKind: string[];

  @Field(() => Int, { nullable: true, description: 'Useful capacity in litres.' })
  @Column({ type: 'integer', nullable: true })
  capacityLitres: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  model: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  manufacturer: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Serial number of the fill-level sensor; null when there is none.',
  })
  @Column({ type: 'text', nullable: true })
  serialNumber: string | null;

  @Field(() => Float, {
    nullable: true,
    description: '0 (empty) to 1 (full), as last observed; null without a sensor.',
  })
  @Column({ type: 'double precision', nullable: true })
  fillingLevel: number | null;

  @Field(() => Date, { nullable: true, description: 'When `fillingLevel` was observed.' })
  @Column({ type: 'timestamptz', nullable: true })
  dateLastFillingLevel: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  dateLastEmptying: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average rise of `fillingLevel` per day (0.28 = 28 % a day).',
  })
  @Column({ type: 'double precision', nullable: true })
  averageDailyFillingRate: number | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
