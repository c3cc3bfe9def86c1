import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { MIN_PUBLISHED_COUNT } from '../accompaniment-stats/accompaniment-stats.suppression';

@ObjectType('OpenAccompanimentRequestCount', {
  description: `Requests of an arrondissement waiting for a volunteer; counts under ${MIN_PUBLISHED_COUNT} are withheld, as in accompanimentStats.`,
})
export class OpenAccompanimentRequestCount {
  @Field(() => Arrondissement)
  arrondissement: Arrondissement;

  @Field(() => Int, {
    nullable: true,
    description: `Null when withheld (fewer than ${MIN_PUBLISHED_COUNT}).`,
  })
  openRequests: number | null;

  @Field()
  suppressed: boolean;
}

@ObjectType('OpenAccompanimentRequestCountsEvent', {
  description: 'The open requests of every arrondissement at the end of one interval.',
})
export class OpenAccompanimentRequestCountsEvent {
  @Field(() => ID, {
    description:
      'The end of the interval in Unix seconds: give it as `after` to receive every later interval, then live ones.',
  })
  eventId: string;

  @Field(() => Date, { description: 'The instant the counts describe.' })
  at: Date;

  @Field(() => Int)
  intervalSeconds: number;

  @Field(() => [OpenAccompanimentRequestCount], { description: 'Arrondissements 1–20, in order.' })
  arrondissements: OpenAccompanimentRequestCount[];
}

@ArgsType()
export class OpenAccompanimentRequestCountsArgs {
  @Field(() => Int, { defaultValue: 60, description: 'Seconds between two events, 5 to 3,600.' })
  intervalSeconds: number;

  @Field(() => ID, {
    nullable: true,
    description:
      'Resume after this eventId (at most 1,000 intervals back): the intervals missed, then live ones.',
  })
  after?: string | null;
}
