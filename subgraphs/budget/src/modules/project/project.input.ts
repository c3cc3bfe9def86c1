import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { PlaceFilter, SEARCH_DESCRIPTION } from '#platform/exploring';
import { OrderByInput } from '#platform/ordering';
import { BudgetProjectProgress, BudgetScale } from './project.entity';

/** The criteria every list of projects accepts (the arrondissement is implied in nested lists). */
@InputType('BudgetProjectCriteria')
export class BudgetProjectCriteria extends PlaceFilter {
  @Field(() => Int, { nullable: true, description: 'The edition (year), e.g. 2019.' })
  edition?: number | null;

  @Field(() => String, { nullable: true, description: 'Exact "Thématique", e.g. "Environnement".' })
  theme?: string | null;

  @Field(() => [BudgetProjectProgress], { nullable: true, description: 'Any of these progress stages.' })
  progress?: BudgetProjectProgress[] | null;

  @Field(() => BudgetScale, { nullable: true })
  scale?: BudgetScale | null;

  @Field(() => Boolean, { nullable: true })
  workingClassNeighbourhood?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: `${SEARCH_DESCRIPTION} Over the title, the theme and the address.`,
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Words the title contains (case-insensitive).' })
  titleContains?: string | null;
}

@InputType('BudgetProjectFilter')
export class BudgetProjectFilter extends BudgetProjectCriteria {
  @Field(() => Int, {
    nullable: true,
    description:
      '1–20. A Paris Centre project (filed under 75123 since the 1st–4th merged in 2020) matches each of ' +
      '1, 2, 3 and 4: the residents of all four voted for it. Paris-wide projects are filed at the Hôtel de ' +
      'Ville (75004) and match 4; add `scale: ARRONDISSEMENT` to keep local projects only.',
  })
  arrondissement?: number | null;
}

export enum BudgetProjectOrderField {
  ID = 'ID',
  EDITION = 'EDITION',
  TITLE = 'TITLE',
  BUDGET = 'BUDGET',
  THEME = 'THEME',
  DISTANCE = 'DISTANCE',
  RELEVANCE = 'RELEVANCE',
}

registerEnumType(BudgetProjectOrderField, {
  name: 'BudgetProjectOrderField',
  description:
    'BUDGET: euros allotted; TITLE: untitled projects first; DISTANCE needs `filter.near`, RELEVANCE `filter.search`.',
});

export const BudgetProjectOrder = OrderByInput(BudgetProjectOrderField, 'BudgetProjectOrder');
export type BudgetProjectOrder = InstanceType<typeof BudgetProjectOrder>;
