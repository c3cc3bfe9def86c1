import { Field, Float, Int, ObjectType } from 'type-graphql';
import { WasteStream } from '../../waste-stream';

@ObjectType('WasteStreamStatistics', {
  description:
    'Fill levels and collections of one stream over one calendar bucket, for the stations in scope (computed in SQL).',
})
export class WasteStreamStatistics {
  @Field(() => WasteStream)
  stream: WasteStream;

  @Field(() => Date, { description: 'Start of the bucket (Paris calendar).' })
  start: Date;

  @Field(() => Int, { description: 'Fill levels reported in the bucket.' })
  observations: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean reported fill level (0–1); null without reports.',
  })
  averageFillingLevel: number | null;

  @Field(() => Float, { nullable: true })
  minimumFillingLevel: number | null;

  @Field(() => Float, { nullable: true })
  maximumFillingLevel: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the reports at or above the alert threshold (0–1), the level `wasteStationAlert` fires at; null without reports.',
  })
  shareAtOrAboveThreshold: number | null;

  @Field(() => Int, { description: 'Collections (a stream emptied at a station) in the bucket.' })
  collections: number;

  @Field(() => Float, { description: 'Weight collected in the bucket, kg.' })
  collectedWeightKg: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean time since the previous collection of the same stream at the same station, over the collections of the ' +
      'bucket (the previous one may be older than the range), in hours; null when none has a previous one.',
  })
  meanHoursBetweenCollections: number | null;
}
