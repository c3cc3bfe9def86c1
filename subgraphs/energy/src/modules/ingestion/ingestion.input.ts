import { Field, Float, ID, InputType } from 'type-graphql';

@InputType('MeterReadingInput', {
  description: 'What a meter counted over the interval ending at `observedAt`.',
})
export class MeterReadingInput {
  @Field(() => ID, {
    description: 'The sender’s unique id for this reading: sending it again stores nothing twice.',
  })
  readingId: string;

  @Field(() => ID)
  meterId: string;

  @Field(() => Date, { description: 'End of the interval; not in the future.' })
  observedAt: Date;

  @Field(() => Float, { description: 'Consumption over the interval in the meter unit (kWh or m³), ≥ 0.' })
  value: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean power over the interval in kW, ≥ 0 (energy meters only).',
  })
  power?: number | null;
}

@InputType('RecordMeterReadingsInput', {
  description: 'A batch of readings, stored all together or not at all.',
})
export class RecordMeterReadingsInput {
  @Field(() => [MeterReadingInput], { description: 'From 1 to 1,000 readings.' })
  readings: MeterReadingInput[];
}
