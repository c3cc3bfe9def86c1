import { Arg, Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { DISTANCE_METERS_DESCRIPTION, Location } from '#platform/geo';
import { countFacets, Facet, FACETS_DESCRIPTION } from '#platform/facets';
import { ConnectionType } from '#platform/pagination';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { District } from '../district/district.entity';

/** What a building is used for (FIWARE Building `category`). */
export enum BuildingCategory {
  SCHOOL = 'SCHOOL',
  COLLEGE = 'COLLEGE',
  NURSERY = 'NURSERY',
  GYMNASIUM = 'GYMNASIUM',
  SWIMMING_POOL = 'SWIMMING_POOL',
  LIBRARY = 'LIBRARY',
  TOWN_HALL = 'TOWN_HALL',
  OFFICES = 'OFFICES',
  MUSEUM = 'MUSEUM',
  CONSERVATORY = 'CONSERVATORY',
  SOCIAL_CENTRE = 'SOCIAL_CENTRE',
  HOUSING = 'HOUSING',
}

registerEnumType(BuildingCategory, {
  name: 'BuildingCategory',
  description:
    'SCHOOL: nursery or primary school; COLLEGE: collège; NURSERY: crèche; HOUSING: eco-district residences.',
});

/** The DPE (diagnostic de performance énergétique) letter. */
export enum EnergyClass {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
  F = 'F',
  G = 'G',
}

registerEnumType(EnergyClass, {
  name: 'EnergyClass',
  description:
    'DPE class from the annual final-energy intensity: A ≤ 70, B ≤ 110, C ≤ 180, D ≤ 250, E ≤ 330, F ≤ 420, G above (kWh/m²/yr).',
});

export enum HeatingSystem {
  DISTRICT_HEATING = 'DISTRICT_HEATING',
  GEOTHERMAL_NETWORK = 'GEOTHERMAL_NETWORK',
  GAS_BOILER = 'GAS_BOILER',
  HEAT_PUMP = 'HEAT_PUMP',
  ELECTRIC = 'ELECTRIC',
}

registerEnumType(HeatingSystem, {
  name: 'HeatingSystem',
  description:
    'DISTRICT_HEATING: the CPCU steam network; GEOTHERMAL_NETWORK: the Clichy-Batignolles geothermal loop; HEAT_PUMP and ELECTRIC heat through the electricity meter.',
});

@Directive('@key(fields: "id")')
@ObjectType('Building', { description: 'A public building whose energy the City follows (FIWARE Building).' })
@Entity({ name: 'building' })
export class Building {
  @Field(() => ID, { description: '`BAT-<arrondissement>-<number>`, e.g. "BAT-17-0042".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => BuildingCategory)
  @Column({ type: 'text' })
  category: BuildingCategory;

  @Field(() => String, { description: 'Who owns the building: "Ville de Paris", a social landlord...' })
  @Column({ type: 'text' })
  owner: string;

  @Field(() => String, { description: 'Street address, e.g. "12 rue Legendre".' })
  @Column({ type: 'text' })
  streetAddress: string;

  @Field(() => String, { description: 'e.g. "75017".' })
  @Column({ type: 'text' })
  postalCode: string;

  @Field(() => String, { description: 'The full postal address on one line.' })
  address(): string {
    return `${this.streetAddress}, ${this.postalCode} Paris`;
  }

  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Field(() => Arrondissement)
  arrondissement(): Arrondissement {
    return { code: this.arrondissementCode };
  }

  @Column({ type: 'text', nullable: true })
  districtId: string | null;

  @Field(() => District, {
    nullable: true,
    description: 'The eco-district or urban project the building belongs to, if any.',
  })
  district(): District | null {
    return this.districtId ? { id: this.districtId } : null;
  }

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location)
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => Float, { nullable: true, description: DISTANCE_METERS_DESCRIPTION })
  distanceMeters?: number | null;

  @Field(() => Float, { description: 'Heated floor area, m².' })
  @Column({ type: 'double precision' })
  floorAreaM2: number;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  constructionYear: number;

  @Field(() => EnergyClass)
  @Column({ type: 'text' })
  energyClass: EnergyClass;

  @Field(() => Float, {
    description: 'Audited annual final-energy consumption per m² (all uses), kWh/m²/yr.',
  })
  @Column({ type: 'double precision' })
  annualConsumptionKwhPerM2: number;

  @Field(() => HeatingSystem)
  @Column({ type: 'text' })
  heatingSystem: HeatingSystem;

  @Field(() => Boolean, {
    description:
      'Whether the heating is remotely supervised (1,500 buildings): only those meters report readings.',
  })
  @Column({ type: 'boolean' })
  heatingSupervised: boolean;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

export enum BuildingFacetField {
  CATEGORY = 'CATEGORY',
  ENERGY_CLASS = 'ENERGY_CLASS',
  HEATING_SYSTEM = 'HEATING_SYSTEM',
  SUPERVISED = 'SUPERVISED',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
}

registerEnumType(BuildingFacetField, { name: 'BuildingFacetField' });

@ObjectType('BuildingConnection')
export class BuildingConnection extends ConnectionType(Building) {
  @Field(() => [Facet], { description: FACETS_DESCRIPTION })
  facets(@Arg('fields', () => [BuildingFacetField]) fields: BuildingFacetField[]): Promise<Facet[]> {
    return countFacets(this, fields);
  }
}
