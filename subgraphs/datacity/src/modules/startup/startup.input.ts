import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { PlaceFilter, SEARCH_DESCRIPTION } from '#platform/exploring';
import { OrderByInput } from '#platform/ordering';
import { StartupSector } from './startup.entity';

@InputType('StartupFilter', { description: 'Every given criterion must hold.' })
export class StartupFilter extends PlaceFilter {
  @Field(() => Int, { nullable: true, description: 'The arrondissement of the head office (1–20).' })
  arrondissement?: number | null;

  @Field(() => StartupSector, { nullable: true })
  sector?: StartupSector | null;

  @Field(() => Int, { nullable: true, description: 'Founded in this year.' })
  foundedYear?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only start-ups selected for at least one challenge; false: only applicants never selected.',
  })
  selected?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: `${SEARCH_DESCRIPTION} Over the name, the description and the sector.`,
  })
  search?: string | null;
}
export enum StartupOrderField {
  ID = 'ID',
  NAME = 'NAME',
  FOUNDED_YEAR = 'FOUNDED_YEAR',
  EMPLOYEES = 'EMPLOYEES',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
  DISTANCE = 'DISTANCE',
  RELEVANCE = 'RELEVANCE',
}

registerEnumType(StartupOrderField, {
  name: 'StartupOrderField',
  description: 'NAME: alphabetical, the default; DISTANCE needs `filter.near`, RELEVANCE `filter.search`.',
});

export const StartupOrder = OrderByInput(StartupOrderField, 'StartupOrder');
export type StartupOrder = InstanceType<typeof StartupOrder>;
