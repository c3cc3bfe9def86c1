import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { assertDevicesAllowed } from '#platform/devices';
import { WasteCollection } from '../collection/collection.entity';
import { FillingLevelObservation } from '../observation/observation.entity';
import { RecordCollectionInput, ReportFillLevelInput } from './ingestion.input';
import { WasteIngestionService } from './ingestion.service';

/** Operators report for any station; a `sensor` key only for the stations it is bound to (devices.ts). */
@Resolver()
export class IngestionResolver {
  @Authorized('sensor', 'operator')
  @Mutation(() => FillingLevelObservation, {
    description: 'Records a fill level (idempotent on `reportId`: a replay returns the stored observation).',
  })
  reportFillLevel(
    @Arg('input', () => ReportFillLevelInput) input: ReportFillLevelInput,
    @Ctx() context: BaseContext,
  ): Promise<FillingLevelObservation> {
    assertDevicesAllowed(context.identity, 'waste-station', [input.stationId]);
    return new WasteIngestionService(context.db).reportFillLevel(input);
  }

  @Authorized('sensor', 'operator')
  @Mutation(() => WasteCollection, {
    description: 'Records a collection and empties the stream’s containers (idempotent on `collectionId`).',
  })
  recordCollection(
    @Arg('input', () => RecordCollectionInput) input: RecordCollectionInput,
    @Ctx() context: BaseContext,
  ): Promise<WasteCollection> {
    assertDevicesAllowed(context.identity, 'waste-station', [input.stationId]);
    return new WasteIngestionService(context.db).recordCollection(input);
  }
}
