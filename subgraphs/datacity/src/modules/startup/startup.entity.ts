import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '../../../../../platform/src/city';
import { Location } from '../../../../../platform/src/geo';
import { ConnectionType } from '../../../../../platform/src/pagination';

export enum StartupSector {
  ENERGY = 'ENERGY',
  CIRCULAR_ECONOMY = 'CIRCULAR_ECONOMY',
  MOBILITY = 'MOBILITY',
  WATER = 'WATER',
  IOT_SENSORS = 'IOT_SENSORS',
  DATA_AI = 'DATA_AI',
  CONSTRUCTION = 'CONSTRUCTION',
  CIVIC_TECH = 'CIVIC_TECH',
}

registerEnumType(StartupSector, { name: 'StartupSector', description: 'The market a start-up works in.' });

@Directive('@key(fields: "id")')
@ObjectType('Startup', {
  description: 'A start-up that applied to DataCity; the selected ones run experiments.',
})
@Entity({ name: 'startup' })
export class Startup {
  @Field(() => ID, { description: '"startup-001" onwards.' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'What the start-up offers, in one sentence.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => StartupSector)
  @Column({ type: 'text' })
  sector: StartupSector;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  foundedYear: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Field(() => Int, { description: 'Head count.' })
  @Column({ type: 'integer' })
  employees: number;

  /** The arrondissement of the Paris head office. */
  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location, { description: 'The Paris head office.' })
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

@ObjectType('StartupConnection')
export class StartupConnection extends ConnectionType(Startup) {}
