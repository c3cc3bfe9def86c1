import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';

/** What a meter measures. HEAT and GAS meters carry the heating; ELECTRICITY also does for heat pumps and electric heating. */
export enum MeterKind {
  HEAT = 'HEAT',
  ELECTRICITY = 'ELECTRICITY',
  GAS = 'GAS',
  WATER = 'WATER',
}

registerEnumType(MeterKind, { name: 'MeterKind' });

/** The unit of a meter's readings: water is counted in m³, every energy in kWh. */
export function unitOf(kind: MeterKind): 'kWh' | 'm³' {
  return kind === MeterKind.WATER ? 'm³' : 'kWh';
}

@Directive('@key(fields: "id")')
@ObjectType('Meter', { description: 'A utility meter of a building (FIWARE Device, category meter).' })
@Entity({ name: 'meter' })
export class Meter {
  @Field(() => ID, { description: '`<building id>-<kind>`, e.g. "BAT-17-0042-HEAT".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  buildingId: string;

  @Field(() => MeterKind)
  @Column({ type: 'text' })
  kind: MeterKind;

  @Field(() => String, { description: '"kWh" for energy meters, "m³" for water meters.' })
  @Column({ type: 'text' })
  unit: string;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
