import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { arrondissementByCode } from '../arrondissement/arrondissement.loader';
import { Citation } from '../citation/citation.entity';
import { citationById } from '../citation/citation.loader';
import { Project } from '../project/project.entity';
import { projectsByDistrict } from '../project/project.loader';
import { District } from './district.entity';
import { DistrictFilter } from './district.input';
import { districtById } from './district.loader';
import { DistrictService } from './district.service';

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => [District], { description: 'Districts and urban projects (eco-districts first of all).' })
  districts(
    @Arg('filter', () => DistrictFilter, { nullable: true }) filter: DistrictFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<District[]> {
    return new DistrictService(context.db).list(filter ?? {});
  }

  @Query(() => District, { nullable: true })
  district(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<District | null> {
    return districtById(context).load(id);
  }

  @FieldResolver(() => Arrondissement)
  arrondissement(@Root() district: District, @Ctx() context: BaseContext): Promise<Arrondissement | null> {
    return arrondissementByCode(context).load(district.arrondissementCode);
  }

  @FieldResolver(() => [Project], { description: 'The urban projects carried out on the district, by id.' })
  projects(@Root() district: District, @Ctx() context: BaseContext): Promise<Project[]> {
    return projectsByDistrict(context).load(district.id);
  }

  @FieldResolver(() => Citation, {
    nullable: true,
    description: 'The document its facts come from, where one is named (the innovation neighbourhoods).',
  })
  source(@Root() district: District, @Ctx() context: BaseContext): Promise<Citation | null> | null {
    return district.citationId ? citationById(context).load(district.citationId) : null;
  }
}
