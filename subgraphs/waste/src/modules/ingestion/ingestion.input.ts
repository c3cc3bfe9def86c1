import { Field, Float, ID, InputType } from 'type-graphql';
import { WasteStream } from '../../waste-stream';

@InputType('ReportFillLevelInput', { description: 'A fill level measured by a container’s sensor.' })
export class ReportFillLevelInput {
  @Field(() => ID, {
    description: 'The sensor’s unique id for this report: sending it again stores nothing twice.',
  })
  reportId: string;

  @Field(() => ID)
  stationId: string;

  @Field(() => WasteStream)
  stream: WasteStream;

  @Field(() => Float, { description: '0 (empty) to 1 (full).' })
  fillingLevel: number;

  @Field(() => Date, { description: 'When it was measured; not in the future.' })
  observedAt: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      'The container (its sensor serial number): needed only where the station has several containers of the stream.',
  })
  containerId?: string | null;
}

@InputType('RecordCollectionInput', {
  description: 'A collection round that emptied the containers of one stream at a station.',
})
export class RecordCollectionInput {
  @Field(() => ID, {
    description: 'The operator’s unique id for this collection: sending it again stores nothing twice.',
  })
  collectionId: string;

  @Field(() => ID)
  stationId: string;

  @Field(() => WasteStream)
  stream: WasteStream;

  @Field(() => Date, { description: 'When the containers were emptied; not in the future.' })
  collectedAt: Date;

  @Field(() => Float, { description: 'Weight collected, in kilograms.' })
  weightKg: number;
}
