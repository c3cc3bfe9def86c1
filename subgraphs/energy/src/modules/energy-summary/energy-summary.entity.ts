import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Building } from '../building/building.entity';
import { EnergyClass } from '../building/building.entity';
import type { ReadingWindow } from '../meter-reading/meter-reading.input';

@ObjectType('EnergyClassCount')
export class EnergyClassCount {
  @Field(() => EnergyClass)
  energyClass: EnergyClass;

  @Field(() => Int)
  count: number;
}

/** What the meters counted over a window, summed per meter kind. */
@ObjectType('MeasuredEnergy', {
  description: 'Readings summed over a window (only supervised buildings report readings).',
})
export class MeasuredEnergy {
  @Field(() => Date, { description: 'The first interval counted (its end).' })
  firstObservedAt: Date;

  @Field(() => Date, { description: 'The last interval counted (its end).' })
  lastObservedAt: Date;

  @Field(() => Int, { description: 'How many distinct 15-minute intervals were counted.' })
  intervalCount: number;

  @Field(() => Float, { description: 'Final energy, kWh: heat + gas + electricity.' })
  consumptionKwh: number;

  @Field(() => Float, { description: 'From HEAT meters (district heating, geothermal network).' })
  heatKwh: number;

  @Field(() => Float)
  gasKwh: number;

  @Field(() => Float)
  electricityKwh: number;

  @Field(() => Float)
  waterM3: number;

  @Field(() => Float, { description: 'Highest 15-minute mean power of all energy meters together, kW.' })
  peakPowerKw: number;

  @Field(() => Float, {
    nullable: true,
    description: 'consumptionKwh per m² of the metered (supervised) floor area.',
  })
  intensityKwhPerM2: number | null;
}

/** The building-stock side of a summary; the `measured` side is resolved only when asked for. */
@ObjectType('EnergySummary')
export abstract class EnergySummary {
  /** The arrondissement code or district id, and the window `measured` uses. */
  key: number | string;
  window: ReadingWindow;

  @Field(() => Int)
  buildingCount: number;

  @Field(() => Int, { description: 'Buildings whose heating is supervised (they report readings).' })
  supervisedBuildingCount: number;

  @Field(() => Float, { description: 'Total heated floor area, m².' })
  floorAreaM2: number;

  @Field(() => Float, { description: 'Floor area of the supervised buildings, m².' })
  supervisedFloorAreaM2: number;

  @Field(() => Float, {
    description: 'Audited annual final-energy consumption of all the buildings, kWh/yr.',
  })
  annualConsumptionKwh: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Floor-area-weighted audited intensity, kWh/m²/yr (annualConsumptionKwh / floorAreaM2).',
  })
  averageIntensityKwhPerM2: number | null;

  @Field(() => [EnergyClassCount], { description: 'How many buildings have each DPE class, A to G.' })
  buildingsByEnergyClass: EnergyClassCount[];
}

@ObjectType('ArrondissementEnergy', { description: "The energy of an arrondissement's buildings." })
export class ArrondissementEnergy extends EnergySummary {}

@ObjectType('DistrictEnergy', {
  description: "The energy of a district's buildings (e.g. the CoRDEES perimeter).",
})
export class DistrictEnergy extends EnergySummary {}

@ObjectType('BuildingPerformance', {
  description: "A building's audited annual performance and what its meters measured.",
})
export class BuildingPerformance {
  building: Building;
  window: ReadingWindow;

  @Field(() => Float, { description: 'Audited annual final-energy consumption, kWh/yr.' })
  annualConsumptionKwh: number;

  @Field(() => Float, { description: 'Audited annual final-energy intensity, kWh/m²/yr.' })
  annualConsumptionKwhPerM2: number;

  @Field(() => EnergyClass)
  energyClass: EnergyClass;
}
