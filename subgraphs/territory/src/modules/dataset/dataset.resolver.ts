import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { Dataset, TemporalCoverage } from './dataset.entity';
import { DatasetFilter } from './dataset.input';
import { datasetById } from './dataset.loader';
import { DatasetService } from './dataset.service';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset], {
    description: 'The catalog of every dataset, with licence, provenance and distributions.',
  })
  async datasets(
    @Arg('filter', () => DatasetFilter, { nullable: true }) filter: DatasetFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<Dataset[]> {
    const keyword = filter?.keyword?.toLowerCase();
    const ids = new DatasetService(context.db, context.catalog ?? [])
      .definitions()
      .filter((definition) => !filter?.theme || (definition.themes as string[]).includes(filter.theme))
      .filter(
        (definition) =>
          !keyword || definition.keywords.some((candidate) => candidate.toLowerCase().includes(keyword)),
      )
      .map((definition) => definition.id);
    const found = await datasetById(context).loadMany(ids);
    return found.filter((dataset): dataset is Dataset => dataset !== null && !(dataset instanceof Error));
  }

  @Query(() => Dataset, { nullable: true })
  dataset(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Dataset | null> {
    return datasetById(context).load(id);
  }

  @FieldResolver(() => TemporalCoverage, { nullable: true, description: 'First and last time in the data.' })
  temporalCoverage(@Root() dataset: Dataset, @Ctx() context: BaseContext): Promise<TemporalCoverage | null> {
    const service = new DatasetService(context.db, context.catalog ?? []);
    const definition = service.definition(dataset.id);
    return definition ? service.temporalCoverage(definition) : Promise.resolve(null);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Rows in the dataset now (an exact count); null for statistics computed on request, whose rows depend on the parameters.',
  })
  rowCount(@Root() dataset: Dataset, @Ctx() context: BaseContext): Promise<number | null> {
    const service = new DatasetService(context.db, context.catalog ?? []);
    const definition = service.definition(dataset.id);
    return definition ? service.rowCount(definition) : Promise.resolve(null);
  }
}
