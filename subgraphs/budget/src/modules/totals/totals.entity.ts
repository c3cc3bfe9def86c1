import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum BudgetTotalsDimension {
  EDITION = 'EDITION',
  THEME = 'THEME',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
}

registerEnumType(BudgetTotalsDimension, {
  name: 'BudgetTotalsDimension',
  description: 'What participatory-budget totals can be grouped by.',
  valuesConfig: {
    EDITION: { description: 'The year of the vote.' },
    THEME: { description: 'The "Thématique".' },
    ARRONDISSEMENT: {
      description:
        'Where the project belongs, each project in exactly one group: its arrondissement, Paris Centre, or Paris as a whole (see `BudgetArea`).',
    },
  },
});

/** The perimeter a project is counted in when totals are grouped by arrondissement: never two at once. */
export enum BudgetArea {
  ARRONDISSEMENT = 'ARRONDISSEMENT',
  PARIS_CENTRE = 'PARIS_CENTRE',
  PARIS_WIDE = 'PARIS_WIDE',
}

registerEnumType(BudgetArea, {
  name: 'BudgetArea',
  description: 'The perimeter whose residents voted for a group of projects.',
  valuesConfig: {
    ARRONDISSEMENT: { description: 'One arrondissement’s budget (`arrondissement` says which).' },
    PARIS_CENTRE: {
      description:
        'Projects of the 1st–4th voted together as Paris Centre since 2021 (filed under 75123): counted once here, not in each of the four.',
    },
    PARIS_WIDE: {
      description:
        '"Budget participatif parisien": voted by all Parisians (filed at the Hôtel de Ville): counted once here, not in the 4th.',
    },
  },
});

@ObjectType('BudgetTotals', {
  description:
    'Winning projects of one group, counted and summed in SQL; the dimensions not grouped by are null.',
})
export class BudgetTotals {
  @Field(() => Int, { nullable: true })
  edition: number | null;

  @Field(() => String, { nullable: true })
  theme: string | null;

  @Field(() => BudgetArea, { nullable: true, description: 'Set when grouped by ARRONDISSEMENT.' })
  area: BudgetArea | null;

  /** The arrondissement of an ARRONDISSEMENT group; exposed through the `arrondissement` field. */
  arrondissementCode: number | null;

  @Field(() => Int)
  projectCount: number;

  @Field(() => Float, { description: 'Sum of the projects’ budgets, in euros.' })
  budgetEuros: number;

  @Field(() => Int, { description: 'Projects delivered and closed (COMPLETED).' })
  completedCount: number;

  @Field(() => Int, {
    description: 'Ballots that chose these projects (one ballot choosing two of them counts twice).',
  })
  votes: number;
}
