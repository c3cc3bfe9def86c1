import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { ConnectionType } from '#platform/pagination';

/**
 * One 15-minute interval of a meter (FIWARE-style `dateObserved` + value). Rows are appended in
 * time order; `id` grows with them, so it also orders a live stream of readings.
 */
@ObjectType('MeterReading', {
  description: 'What a meter counted over the 15 minutes ending at `observedAt`.',
})
@Entity({ name: 'meter_reading' })
export class MeterReading {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The id its sender gave it (`recordMeterReadings`); null for generated and imported readings.',
  })
  @Column({ type: 'text', nullable: true })
  readingId: string | null;

  @Field(() => ID)
  @Column({ type: 'text' })
  meterId: string;

  @Field(() => Date, { description: 'End of the interval.' })
  @Column({ type: 'timestamptz' })
  observedAt: Date;

  @Field(() => Float, { description: 'Consumption over the interval, in the meter unit (kWh or m³).' })
  @Column({ type: 'double precision' })
  value: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean power over the interval, kW (energy meters only).',
  })
  @Column({ type: 'double precision', nullable: true })
  power: number | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

@ObjectType('MeterReadingConnection')
export class MeterReadingConnection extends ConnectionType(MeterReading) {}
