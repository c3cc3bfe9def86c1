import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { DEFAULT_MAX_FILLING_LEVEL } from '../station/station.input';

@ObjectType('WasteAlertCount', {
  description: 'How many containers of an arrondissement are at or above the alert threshold now.',
})
export class WasteAlertCount {
  @Field(() => Arrondissement)
  arrondissement: Arrondissement;

  @Field(() => Float)
  threshold: number;

  @Field(() => Int, { description: 'Containers whose current fill level is at or above `threshold`.' })
  alertingContainers: number;

  @Field(() => Int, { description: 'Stations with at least one such container.' })
  alertingStations: number;

  @Field(() => Int, { description: 'Stations of the arrondissement.' })
  stations: number;
}

@ObjectType('WasteAlertCountEvent', {
  description:
    'An arrondissement’s alert count after a container crossed the threshold (up, or down when emptied).',
})
export class WasteAlertCountEvent extends WasteAlertCount {
  @Field(() => ID, {
    description: 'Position in the station stream: give it as `after` to resume right after this event.',
  })
  eventId: string;
}

@ArgsType()
export class WasteAlertCountsArgs {
  @Field(() => Float, {
    defaultValue: DEFAULT_MAX_FILLING_LEVEL,
    description: 'A container alerts at or above this level (0–1).',
  })
  threshold: number;
}

@ArgsType()
export class WasteAlertCountChangedArgs extends WasteAlertCountsArgs {
  @Field(() => Int, { nullable: true, description: 'Only this arrondissement (1–20).' })
  arrondissement?: number | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Resume after this eventId: the counts changed since (as they are now), in order, then live ones.',
  })
  after?: string | null;
}
