import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Granularity } from '#platform/time-buckets';
import { DEFAULT_MAX_FILLING_LEVEL } from '../station/station.input';
import { WasteStream } from '../../waste-stream';

@InputType('WasteStreamStatisticsFilter', {
  description:
    'A time window cut into calendar buckets, and the stations and streams to aggregate (every condition given must hold). ' +
    'The window is `since`/`until` rather than `from`/`to` because the export takes the same names, and there ' +
    '`from`/`to` select rows by their time.',
})
export class WasteStreamStatisticsFilter {
  @Field(() => Date, { description: 'Start of the window (included).' })
  since: Date;

  @Field(() => Date, { description: 'End of the window (excluded).' })
  until: Date;

  @Field(() => Granularity)
  granularity: Granularity;

  @Field(() => Int, { nullable: true, description: 'Only stations of this arrondissement, 1 to 20.' })
  arrondissement?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only this station.' })
  stationId?: string | null;

  @Field(() => [WasteStream], { nullable: true, description: 'Only these streams; all by default.' })
  streams?: WasteStream[] | null;

  @Field(() => Float, {
    defaultValue: DEFAULT_MAX_FILLING_LEVEL,
    description: `The alert threshold (0–1) \`shareAtOrAboveThreshold\` counts against; ${DEFAULT_MAX_FILLING_LEVEL} by default, as \`wasteStationAlert\`.`,
  })
  threshold: number;
}
