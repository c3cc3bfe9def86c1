import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { ConnectionType } from '#platform/pagination';

/**
 * A Paris en Compagnie volunteer. Everything but the id identifies a person, so every field is for
 * operators; the volunteer's own view of the service is `myMissions`.
 */
@Directive('@key(fields: "id")')
@ObjectType('Volunteer', { description: 'A Paris en Compagnie volunteer (operators only).' })
@Entity({ name: 'volunteer' })
export class Volunteer {
  @Field(() => ID, { description: 'e.g. "VOL-0042"; the `sub` a volunteer signs in with.' })
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
  @Field(() => String, { nullable: true })
  @Column({ type: 'text' })
  email: string;

  /** The arrondissement the volunteer usually covers (no home address is kept). */
  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Authorized('operator')
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz' })
  joinedAt: Date;

  @Authorized('operator')
  @Field(() => Boolean, { nullable: true, description: 'Whether the volunteer currently takes missions.' })
  @Column({ type: 'boolean' })
  active: boolean;

  @Field(() => Provenance, { nullable: true })
  @Column({ type: 'text', nullable: true })
  provenance: Provenance | null;
}

@ObjectType('VolunteerConnection')
export class VolunteerConnection extends ConnectionType(Volunteer) {}
