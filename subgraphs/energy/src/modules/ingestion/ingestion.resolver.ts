import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { assertDevicesAllowed } from '#platform/devices';
import { RecordMeterReadingsPayload } from './ingestion.entity';
import { RecordMeterReadingsInput } from './ingestion.input';
import { EnergyIngestionService } from './ingestion.service';

/**
 * Operators report for any meter; a `sensor` key only for the meters it is bound to (devices.ts),
 * and a batch naming one other meter is refused whole, before anything is stored.
 */
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
    assertDevicesAllowed(
      context.identity,
      'meter',
      input.readings.map((reading) => reading.meterId),
    );
    return new EnergyIngestionService(context.db).recordMeterReadings(input);
  }
}
