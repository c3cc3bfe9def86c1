import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('EnergyConsumptionBucket', {
  description: 'Readings aggregated over one calendar bucket (server-side, in SQL).',
})
export class EnergyConsumptionBucket {
  @Field(() => Date, { description: 'Start of the bucket (Paris calendar).' })
  start: Date;

  @Field(() => Float, { description: 'Energy over the bucket, kWh.' })
  totalKwh: number;

  @Field(() => Float, { description: 'Mean of the 15-minute readings, kWh.' })
  averageKwh: number;

  @Field(() => Float, { description: 'Smallest 15-minute reading, kWh.' })
  minimumKwh: number;

  @Field(() => Float, { description: 'Largest 15-minute reading, kWh.' })
  maximumKwh: number;

  @Field(() => Float, { nullable: true, description: 'Highest average power over one interval, kW.' })
  peakPowerKw: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Energy intensity: total over the heated floor area of the buildings in scope, kWh/m².',
  })
  intensityKwhPerM2: number | null;

  @Field(() => Int, { description: 'How many readings the bucket holds.' })
  readings: number;
}
