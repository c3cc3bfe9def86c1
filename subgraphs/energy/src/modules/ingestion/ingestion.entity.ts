import { Field, Int, ObjectType } from 'type-graphql';
import { MeterReading } from '../meter-reading/meter-reading.entity';

@ObjectType('RecordMeterReadingsPayload', { description: 'The outcome of a batch of readings.' })
export class RecordMeterReadingsPayload {
  @Field(() => Int, { description: 'Readings stored by this call.' })
  recorded: number;

  @Field(() => Int, {
    description: 'Readings already stored under their `readingId` (a replay): left as they were.',
  })
  replayed: number;

  @Field(() => [MeterReading], { description: 'Every reading of the batch as stored, in the order sent.' })
  readings: MeterReading[];
}
