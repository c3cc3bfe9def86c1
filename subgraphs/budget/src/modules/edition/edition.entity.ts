import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';

@Directive('@key(fields: "year")')
@ObjectType('BudgetEdition', {
  description: 'One yearly edition of the Participatory Budget (no 2020 edition was held).',
})
@Entity({ name: 'budget_edition' })
export class BudgetEdition {
  @Field(() => Int)
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

@ObjectType('BudgetEditionTotals', { description: 'The winning projects of an edition, counted and summed.' })
export class BudgetEditionTotals {
  @Field(() => Int)
  projectCount: number;

  @Field(() => Float, { description: 'Sum of the projects’ budgets, in euros.' })
  budgetEuros: number;

  @Field(() => Int, { description: 'Projects delivered and closed (COMPLETED).' })
  completedCount: number;

  @Field(() => Int)
  abandonedCount: number;

  @Field(() => Int, { description: 'Projects in working-class neighbourhoods.' })
  workingClassNeighbourhoodCount: number;
}
