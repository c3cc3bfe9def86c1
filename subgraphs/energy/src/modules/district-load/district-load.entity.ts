import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { District } from '../district/district.entity';

@ObjectType('DistrictLoadEvent', {
  description: 'The heating load of a district’s supervised buildings over one interval.',
})
export class DistrictLoadEvent {
  @Field(() => ID, {
    description:
      'The end of the interval in Unix seconds: give it as `after` to receive every later interval, then live ones.',
  })
  eventId: string;

  @Field(() => District)
  district: District;

  @Field(() => Date, { description: 'Start of the interval (exclusive).' })
  from: Date;

  @Field(() => Date, { description: 'End of the interval (inclusive).' })
  to: Date;

  @Field(() => Int)
  intervalSeconds: number;

  @Field(() => Float, {
    description:
      'Sum over the energy meters of the mean power they reported, kW. An interval shorter than the 15-minute reading period looks back one period, so every meter’s latest reading counts.',
  })
  powerKw: number;

  @Field(() => Int, { description: 'Energy meters that reported a power in the interval.' })
  reportingMeters: number;

  @Field(() => Int, { description: 'Buildings of the district with supervised heating.' })
  supervisedBuildings: number;
}

@ArgsType()
export class DistrictLoadArgs {
  @Field(() => ID)
  districtId: string;

  @Field(() => Int, { defaultValue: 60, description: 'Seconds between two events, 5 to 3,600.' })
  intervalSeconds: number;

  @Field(() => ID, {
    nullable: true,
    description:
      'Resume after this eventId (at most 1,000 intervals back): the intervals missed, then live ones.',
  })
  after?: string | null;
}
