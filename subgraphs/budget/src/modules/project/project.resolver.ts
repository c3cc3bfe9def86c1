import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { Building } from '../building/building.entity';
import { BudgetEdition } from '../edition/edition.entity';
import { editionByYear } from '../edition/edition.loader';
import { votesOfProject } from '../vote/vote.loader';
import { BudgetProject, BudgetProjectConnection } from './project.entity';
import { BudgetProjectFilter, BudgetProjectOrder } from './project.input';
import { projectById } from './project.loader';
import { parseProjectId, ProjectService } from './project.service';

@Resolver(() => BudgetProject)
export class ProjectResolver {
  @Query(() => BudgetProjectConnection, {
    description:
      'Winning projects of the Participatory Budget, most recent edition first, then newest project first, unless `orderBy` says otherwise.',
  })
  budgetProjects(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => BudgetProjectFilter, { nullable: true }) filter: BudgetProjectFilter | null,
    @Arg('orderBy', () => [BudgetProjectOrder], { nullable: true }) orderBy: BudgetProjectOrder[] | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<BudgetProject>> {
    return new ProjectService(context.db).page(filter ?? {}, page, orderBy);
  }

  @Query(() => BudgetProject, { nullable: true })
  budgetProject(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<BudgetProject | null> {
    const projectId = parseProjectId(id);
    return projectId === null ? Promise.resolve(null) : projectById(context).load(projectId);
  }

  @FieldResolver(() => BudgetEdition, { description: 'The edition the project won.' })
  editionInfo(@Root() project: BudgetProject, @Ctx() context: BaseContext): Promise<BudgetEdition | null> {
    return editionByYear(context).load(project.edition);
  }

  @FieldResolver(() => Arrondissement, {
    nullable: true,
    description:
      'The arrondissement of the project; null for Paris Centre projects, which belong to four (see `arrondissements`).',
  })
  arrondissement(@Root() project: BudgetProject): Arrondissement | null {
    return project.arrondissementCodes.length === 1 ? { code: project.arrondissementCodes[0] } : null;
  }

  @FieldResolver(() => [Arrondissement], {
    description: 'Every arrondissement the project belongs to (1st–4th for Paris Centre).',
  })
  arrondissements(@Root() project: BudgetProject): Arrondissement[] {
    return project.arrondissementCodes.map((code) => ({ code }));
  }

  @FieldResolver(() => Building, {
    nullable: true,
    description:
      'The public building (school, gymnasium, library...) the project renovates or equips, when its title names one.',
  })
  building(@Root() project: BudgetProject): Building | null {
    return project.buildingId === null ? null : { id: project.buildingId };
  }

  @FieldResolver(() => Int, { description: 'Ballots that chose this project.' })
  votes(@Root() project: BudgetProject, @Ctx() context: BaseContext): Promise<number> {
    return votesOfProject(context).load(project.id);
  }
}
