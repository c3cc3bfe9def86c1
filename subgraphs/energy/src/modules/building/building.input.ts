import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { NearInput } from '../../../../../platform/src/geo';
import { PageArgs } from '../../../../../platform/src/pagination';
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
}

@InputType('BuildingFilter', { description: 'Which buildings to list: the criteria, plus where they are.' })
export class BuildingFilter extends BuildingCriteria {
  @Field(() => Int, { nullable: true, description: '1 to 20.' })
  arrondissement?: number | null;

  @Field(() => ID, { nullable: true, description: 'A territory District id, e.g. "clichy-batignolles".' })
  districtId?: string | null;

  @Field(() => NearInput, { nullable: true })
  near?: NearInput | null;
}

export enum BuildingOrder {
  ID = 'ID',
  CONSUMPTION_INTENSITY = 'CONSUMPTION_INTENSITY',
  FLOOR_AREA = 'FLOOR_AREA',
}

registerEnumType(BuildingOrder, {
  name: 'BuildingOrder',
  description:
    'ID: by id, i.e. by arrondissement then number; CONSUMPTION_INTENSITY: highest kWh/m² first (renovation targets); FLOOR_AREA: largest first.',
});

@ArgsType()
export class BuildingsArgs extends PageArgs {
  @Field(() => BuildingFilter, { nullable: true })
  filter?: BuildingFilter | null;

  @Field(() => BuildingOrder, { defaultValue: BuildingOrder.ID })
  orderBy: BuildingOrder;
}

/** The buildings of an arrondissement or a district: the place is given by the parent. */
@ArgsType()
export class PlaceBuildingsArgs extends PageArgs {
  @Field(() => BuildingCriteria, { nullable: true })
  filter?: BuildingCriteria | null;

  @Field(() => BuildingOrder, { defaultValue: BuildingOrder.ID })
  orderBy: BuildingOrder;
}
