import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WasteStream } from '../../waste-stream';
import { DEFAULT_MAX_FILLING_LEVEL } from '../station/station.input';

export enum WasteStationEventKind {
  FILL_LEVEL = 'FILL_LEVEL',
  COLLECTION = 'COLLECTION',
}

registerEnumType(WasteStationEventKind, {
  name: 'WasteStationEventKind',
  valuesConfig: {
    FILL_LEVEL: { description: "A sensor's or operator's fill level moved a container's current level." },
    COLLECTION: { description: 'A collection emptied the containers of a stream.' },
  },
});

/** What the event log keeps for each change of a station (stream `waste-station`). */
export interface StationEventPayload {
  kind: WasteStationEventKind;
  stationId: string;
  arrondissement: number;
  stream: WasteStream;
  fillingLevel: number;
  /** The container's level before this change (null when it had none). */
  previousFillingLevel: number | null;
  observedAt: string;
}

@ObjectType('WasteStationEvent', { description: 'A change of a waste station, in the order it was stored.' })
export class WasteStationEvent {
  @Field(() => ID, {
    description: 'Position in the station stream: give it as `after` to resume right after this event.',
  })
  eventId: string;

  stationId: string;

  @Field(() => WasteStationEventKind)
  kind: WasteStationEventKind;

  @Field(() => WasteStream)
  stream: WasteStream;

  @Field(() => Float, { description: "The stream's container level after the change (0–1)." })
  fillingLevel: number;

  @Field(() => Date)
  observedAt: Date;
}

@ObjectType('WasteStationAlert', {
  description: 'A container level that crossed the threshold a subscriber watches.',
})
export class WasteStationAlert extends WasteStationEvent {
  @Field(() => Float)
  threshold: number;
}

@ArgsType()
export class WasteStationEventArgs {
  @Field(() => ID, { nullable: true, description: 'Only this station.' })
  stationId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only stations of this arrondissement (1–20).' })
  arrondissement?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Resume after this eventId: every later event, in order, then live ones.',
  })
  after?: string | null;
}

@ArgsType()
export class WasteStationAlertArgs extends WasteStationEventArgs {
  @Field(() => Float, {
    defaultValue: DEFAULT_MAX_FILLING_LEVEL,
    description: 'Alert when a level rises to or past this (0–1).',
  })
  threshold: number;
}
