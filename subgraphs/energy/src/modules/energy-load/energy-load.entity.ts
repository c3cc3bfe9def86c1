import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Arrondissement } from '../arrondissement/arrondissement.entity';

@ObjectType('ArrondissementLoad', { description: 'The energy load of one arrondissement over an interval.' })
export class ArrondissementLoad {
  @Field(() => Arrondissement)
  arrondissement: Arrondissement;

  @Field(() => Float, { description: 'Sum over its energy meters of the mean power they reported, kW.' })
  powerKw: number;

  @Field(() => Int, { description: 'Energy meters that reported a power in the interval.' })
  reportingMeters: number;
}

@ObjectType('EnergyLoadEvent', {
  description:
    'The energy load of the city (or of one arrondissement) over one interval, per arrondissement.',
})
export class EnergyLoadEvent {
  @Field(() => ID, {
    description:
      'The end of the interval in Unix seconds: give it as `after` to receive every later interval, then live ones.',
  })
  eventId: string;

  @Field(() => Date, { description: 'Start of the interval (exclusive).' })
  from: Date;

  @Field(() => Date, { description: 'End of the interval (inclusive).' })
  to: Date;

  @Field(() => Int)
  intervalSeconds: number;

  @Field(() => Float, {
    description:
      'The load of the whole city (or of the arrondissement asked for), kW. An interval shorter than the 15-minute reading period looks back one period, so every meter’s latest reading counts.',
  })
  powerKw: number;

  @Field(() => Int, { description: 'Energy meters that reported a power in the interval.' })
  reportingMeters: number;

  @Field(() => [ArrondissementLoad], {
    description: 'Each arrondissement’s load, by code (only those with readings).',
  })
  arrondissements: ArrondissementLoad[];
}

@ArgsType()
export class EnergyLoadArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Only this arrondissement (1–20); the whole city otherwise.',
  })
  arrondissement?: number | null;

  @Field(() => Int, { defaultValue: 60, description: 'Seconds between two events, 5 to 3,600.' })
  intervalSeconds: number;

  @Field(() => ID, {
    nullable: true,
    description:
      'Resume after this eventId (at most 1,000 intervals back): the intervals missed, then live ones.',
  })
  after?: string | null;
}

@ArgsType()
export class EnergyLoadQueryArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Only this arrondissement (1–20); the whole city otherwise.',
  })
  arrondissement?: number | null;

  @Field(() => Int, { defaultValue: 60, description: 'Length of the interval, 5 to 3,600 seconds.' })
  intervalSeconds: number;
}
