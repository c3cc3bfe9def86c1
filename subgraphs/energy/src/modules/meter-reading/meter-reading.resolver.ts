import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { Meter } from '../meter/meter.entity';
import { meterById } from '../meter/meter.loader';
import { MeterReading } from './meter-reading.entity';

@Resolver(() => MeterReading)
export class MeterReadingResolver {
  @FieldResolver(() => Meter)
  async meter(@Root() reading: MeterReading, @Ctx() context: BaseContext): Promise<Meter> {
    const meter = await meterById(context).load(reading.meterId);
    if (!meter) throw new Error(`Reading of a missing meter ${reading.meterId}`);
    return meter;
  }
}
