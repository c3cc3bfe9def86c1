import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { BaseContext } from '../../../../../platform/src/context';
import { RecordMeterReadingsPayload } from './ingestion.entity';
import { RecordMeterReadingsInput } from './ingestion.input';
import { EnergyIngestionService } from './ingestion.service';

/** Until per-device roles exist, any caller with the `sensor` or `operator` role may report for any meter. */
@Resolver()
export class EnergyIngestionResolver {
  @Authorized('sensor', 'operator')
  @Mutation(() => RecordMeterReadingsPayload, {
    description:
      'Stores up to 1,000 readings, all or none (idempotent on each `readingId`: a replay stores nothing twice).',
  })
  recordMeterReadings(
    @Arg('input', () => RecordMeterReadingsInput) input: RecordMeterReadingsInput,
    @Ctx() context: BaseContext,
  ): Promise<RecordMeterReadingsPayload> {
    return new EnergyIngestionService(context.db).recordMeterReadings(input);
  }
}
