import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { Citation } from '../citation/citation.entity';
import { citationById } from '../citation/citation.loader';
import { District } from '../district/district.entity';
import { districtById } from '../district/district.loader';
import { Project } from './project.entity';
import { ProjectFilter } from './project.input';
import { projectById } from './project.loader';
import { ProjectService } from './project.service';

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => [Project], { description: 'Urban projects on the districts (CoRDEES…), by id.' })
  projects(
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<Project[]> {
    return new ProjectService(context.db).list(filter ?? {});
  }

  @Query(() => Project, { nullable: true })
  project(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Project | null> {
    return projectById(context).load(id);
  }

  @FieldResolver(() => District)
  async district(@Root() project: Project, @Ctx() context: BaseContext): Promise<District> {
    return (await districtById(context).load(project.districtId)) as District;
  }

  @FieldResolver(() => Citation, { description: 'The document that states these facts.' })
  async source(@Root() project: Project, @Ctx() context: BaseContext): Promise<Citation> {
    return (await citationById(context).load(project.citationId)) as Citation;
  }
}
