import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { Location } from '#platform/geo';

@Directive('@key(fields: "id")')
@ObjectType('City', { description: 'The city as a whole (Paris): its key figures and its arrondissements.' })
@Entity({ name: 'city' })
export class City {
  @Field(() => ID, { description: 'A stable slug: "paris".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'INSEE commune code, "75056" for Paris.' })
  @Column({ type: 'text' })
  inseeCode: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location)
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
