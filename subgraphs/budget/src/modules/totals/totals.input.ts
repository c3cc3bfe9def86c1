import { Field, InputType, Int } from 'type-graphql';
import { BudgetScale } from '../project/project.entity';

@InputType('BudgetTotalsFilter', {
  description: 'The projects to total: the same ones `budgetProjects` lists for the same filter.',
})
export class BudgetTotalsFilter {
  @Field(() => Int, { nullable: true, description: 'The edition (year), e.g. 2019.' })
  edition?: number | null;

  @Field(() => String, { nullable: true, description: 'Exact "Thématique", e.g. "Environnement".' })
  theme?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '1–20: the projects `budgetProjects(filter: { arrondissement })` lists, Paris Centre ones for 1–4 and ' +
      'Paris-wide ones for 4 included; group by ARRONDISSEMENT to see them apart, or add `scale`.',
  })
  arrondissement?: number | null;

  @Field(() => BudgetScale, { nullable: true })
  scale?: BudgetScale | null;
}
