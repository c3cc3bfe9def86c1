import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';

/** What a retrofit changed in a building. */
export enum RetrofitMeasure {
  INSULATION = 'INSULATION',
  WINDOWS = 'WINDOWS',
  HEATING_SYSTEM = 'HEATING_SYSTEM',
  VENTILATION = 'VENTILATION',
  LIGHTING = 'LIGHTING',
  CONTROL = 'CONTROL',
}

registerEnumType(RetrofitMeasure, {
  name: 'RetrofitMeasure',
  description:
    'INSULATION (walls, roof, floors), WINDOWS, HEATING_SYSTEM (boiler, substation or heat pump replaced), VENTILATION, LIGHTING, CONTROL (remote supervision and regulation of the heating).',
});

@ObjectType('Retrofit', {
  description:
    'Energy retrofit works on a building, with the consumption its meters measured in the year before the works and the year after.',
})
@Entity({ name: 'retrofit' })
export class Retrofit {
  @Field(() => ID, { description: '`<building id>-R<n>`, e.g. "BAT-17-0042-R1".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  buildingId: string;

  @Field(() => GraphQLLocalDate, { description: 'First day of the works.' })
  @Column({ type: 'date' })
  startedOn: string;

  @Field(() => GraphQLLocalDate, {
    description: 'Day the works were completed (the building is back in normal use).',
  })
  @Column({ type: 'date' })
  completedOn: string;

  @Field(() => Int, { description: 'Cost of the works, euros (all taxes included).' })
  @Column({ type: 'integer' })
  costEuros: number;

  @Field(() => [RetrofitMeasure])
  @Column({ type: 'text', array: true })
  measures: RetrofitMeasure[];

  @Field(() => Float, { description: "The saving the energy audit expected, % of the building's energy." })
  @Column({ type: 'double precision' })
  expectedSavingPercent: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "kWh the building's energy meters (water excluded) measured over the year (365 or 366 Paris days) before `startedOn`; null unless every such meter has readings on every day of that year.",
  })
  consumptionYearBeforeKwh: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'kWh measured over the year from `completedOn` on; null unless every energy meter has readings on every day of that year.',
  })
  consumptionYearAfterKwh: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Measured saving, % of the year before (negative: more after); null unless both years are measured. Not corrected for weather.',
  })
  savingPercent: number | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
