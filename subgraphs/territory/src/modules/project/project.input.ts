import { Field, ID, InputType, Int } from 'type-graphql';
import { validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';

@InputType('ProjectFilter')
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: 'Projects of this district.' })
  districtId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Projects on a district of this arrondissement.' })
  arrondissement?: number | null;
}

export function validateProjectFilter(filter: ProjectFilter): void {
  validateArrondissement(filter.arrondissement, 'filter.arrondissement');
  if (
    filter.districtId !== null &&
    filter.districtId !== undefined &&
    !/^[a-z0-9-]{1,80}$/.test(filter.districtId)
  )
    throw badInput(
      '`filter.districtId` must be a district slug such as "clichy-batignolles"',
      'filter.districtId',
    );
}
