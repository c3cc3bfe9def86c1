import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { Building } from '../building/building.entity';
import { buildingById } from '../building/building.loader';
import { MeterReading, MeterReadingConnection } from '../meter-reading/meter-reading.entity';
import { readingWindow, ReadingWindowArgs } from '../meter-reading/meter-reading.input';
import { latestReadingByMeter, readingsByMeter } from '../meter-reading/meter-reading.loader';
import { Meter } from './meter.entity';
import { meterById } from './meter.loader';

@Resolver(() => Meter)
export class MeterResolver {
  @Query(() => Meter, { nullable: true })
  meter(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Meter | null> {
    return meterById(context).load(id);
  }

  @FieldResolver(() => Building)
  async building(@Root() meter: Meter, @Ctx() context: BaseContext): Promise<Building> {
    const building = await buildingById(context).load(meter.buildingId);
    if (!building) throw new Error(`Meter ${meter.id} points at a missing building`);
    return building;
  }

  @FieldResolver(() => MeterReadingConnection, {
    description: '15-minute readings in chronological order; empty for meters of unsupervised buildings.',
  })
  readings(
    @Root() meter: Meter,
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => ReadingWindowArgs) window: ReadingWindowArgs,
    @Ctx() context: BaseContext,
  ): Promise<Connection<MeterReading>> {
    return readingsByMeter(context, page, readingWindow(window)).load(meter.id);
  }

  @FieldResolver(() => MeterReading, { nullable: true })
  latestReading(@Root() meter: Meter, @Ctx() context: BaseContext): Promise<MeterReading | null> {
    return latestReadingByMeter(context).load(meter.id);
  }
}
