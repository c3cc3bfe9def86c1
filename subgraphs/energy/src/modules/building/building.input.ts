import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { BoundingBoxInput, NearInput } from '#platform/geo';
import { SEARCH_DESCRIPTION } from '#platform/exploring';
import { OrderByInput } from '#platform/ordering';
import { PageArgs } from '#platform/pagination';
import { WithinInput } from '#platform/within';
import { BuildingCategory, EnergyClass, HeatingSystem } from './building.entity';

@InputType('BuildingCriteria', {
  description:
    "A building's own characteristics; every given criterion must hold, an absent or empty list allows any value.",
})
export class BuildingCriteria {
  @Field(() => [BuildingCategory], { nullable: true })
  category?: BuildingCategory[] | null;

  @Field(() => [EnergyClass], { nullable: true })
  energyClass?: EnergyClass[] | null;

  @Field(() => [HeatingSystem], { nullable: true })
  heatingSystem?: HeatingSystem[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only buildings whose heating is (or is not) supervised.',
  })
  supervised?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: `${SEARCH_DESCRIPTION} Over the name, the address and the owner.`,
  })
  search?: string | null;
}

@InputType('BuildingFilter', { description: 'Which buildings to list: the criteria, plus where they are.' })
export class BuildingFilter extends BuildingCriteria {
  @Field(() => Int, { nullable: true, description: '1 to 20.' })
  arrondissement?: number | null;

  @Field(() => ID, { nullable: true, description: 'A territory District id, e.g. "clichy-batignolles".' })
  districtId?: string | null;

  @Field(() => NearInput, {
    nullable: true,
    description:
      'Within a radius of a point; gives each node its `distanceMeters` and allows `orderBy: DISTANCE`.',
  })
  near?: NearInput | null;

  @Field(() => BoundingBoxInput, { nullable: true, description: 'Inside a latitude/longitude box.' })
  bbox?: BoundingBoxInput | null;

  @Field(() => WithinInput, { nullable: true })
  within?: WithinInput | null;
}

export enum BuildingOrderField {
  ID = 'ID',
  NAME = 'NAME',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
  CONSUMPTION_INTENSITY = 'CONSUMPTION_INTENSITY',
  FLOOR_AREA = 'FLOOR_AREA',
  CONSTRUCTION_YEAR = 'CONSTRUCTION_YEAR',
  ENERGY_CLASS = 'ENERGY_CLASS',
  DISTANCE = 'DISTANCE',
  RELEVANCE = 'RELEVANCE',
}

registerEnumType(BuildingOrderField, {
  name: 'BuildingOrderField',
  description:
    'ID: by arrondissement then number; CONSUMPTION_INTENSITY: kWh/m² a year (DESC for renovation targets); FLOOR_AREA in m²; DISTANCE needs `filter.near`, RELEVANCE `filter.search`.',
});

export const BuildingOrder = OrderByInput(BuildingOrderField, 'BuildingOrder');
export type BuildingOrder = InstanceType<typeof BuildingOrder>;

@ArgsType()
export class BuildingsArgs extends PageArgs {
  @Field(() => BuildingFilter, { nullable: true })
  filter?: BuildingFilter | null;

  @Field(() => [BuildingOrder], { nullable: true })
  orderBy?: BuildingOrder[] | null;
}

/** The buildings of an arrondissement or a district: the place is given by the parent. */
@ArgsType()
export class PlaceBuildingsArgs extends PageArgs {
  @Field(() => BuildingCriteria, { nullable: true })
  filter?: BuildingCriteria | null;

  @Field(() => [BuildingOrder], { nullable: true })
  orderBy?: BuildingOrder[] | null;
}
