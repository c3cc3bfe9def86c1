import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, selectsRows, type Connection } from '#platform/pagination';
import { BudgetProject, BudgetProjectConnection } from '../project/project.entity';
import { BudgetProjectCriteria } from '../project/project.input';
import { projectsByArrondissement } from '../project/project.loader';
import { Arrondissement } from './arrondissement.entity';

@Resolver(() => Arrondissement)
export class ArrondissementResolver {
  @FieldResolver(() => BudgetProjectConnection, {
    description:
      'Participatory Budget projects of the arrondissement, newest first; Paris Centre projects count in each of the 1st–4th.',
  })
  budgetProjects(
    @Root() arrondissement: Arrondissement,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => BudgetProjectCriteria, { nullable: true }) filter: BudgetProjectCriteria | null,
    @Ctx() context: BaseContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<BudgetProject>> {
    return projectsByArrondissement(context, filter ?? {}, page, selectsRows(info)).load(arrondissement.code);
  }
}
