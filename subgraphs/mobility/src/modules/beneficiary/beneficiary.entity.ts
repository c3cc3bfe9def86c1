import { Authorized, Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { Location } from '#platform/geo';
import { ConnectionType } from '#platform/pagination';

export enum MobilityAid {
  NONE = 'NONE',
  CANE = 'CANE',
  WALKER = 'WALKER',
  WHEELCHAIR = 'WHEELCHAIR',
}

registerEnumType(MobilityAid, {
  name: 'MobilityAid',
  description: 'What the person walks with (the volunteer plans the route with it).',
});

/** An elderly person registered with Paris en Compagnie: every field but the id is personal data. */
@Directive('@key(fields: "id")')
@ObjectType('Beneficiary', { description: 'An elderly person using Paris en Compagnie (operators only).' })
@Entity({ name: 'beneficiary' })
export class Beneficiary {
  @Field(() => ID, { description: 'e.g. "BEN-00042".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Authorized('operator')
  @Field(() => String, { nullable: true })
  @Column({ type: 'text' })
  givenName: string;

  @Authorized('operator')
  @Field(() => String, { nullable: true })
  @Column({ type: 'text' })
  familyName: string;

  @Authorized('operator')
  @Field(() => String, { nullable: true })
  @Column({ type: 'text' })
  phone: string;

  @Authorized('operator')
  @Field(() => String, { nullable: true, description: 'Street and number, e.g. "12 rue des Dames".' })
  @Column({ type: 'text' })
  streetAddress: string;

  @Authorized('operator')
  @Field(() => String, { nullable: true })
  @Column({ type: 'text' })
  postalCode: string;

  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Authorized('operator')
  @Field(() => Location, { nullable: true, description: 'Home.' })
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Authorized('operator')
  @Field(() => Int, { nullable: true })
  @Column({ type: 'smallint' })
  birthYear: number;

  @Authorized('operator')
  @Field(() => MobilityAid, { nullable: true })
  @Column({ type: 'text' })
  mobilityAid: MobilityAid;

  @Authorized('operator')
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz' })
  registeredAt: Date;

  @Field(() => Provenance, { nullable: true })
  @Column({ type: 'text', nullable: true })
  provenance: Provenance | null;
}

@ObjectType('BeneficiaryConnection')
export class BeneficiaryConnection extends ConnectionType(Beneficiary) {}
