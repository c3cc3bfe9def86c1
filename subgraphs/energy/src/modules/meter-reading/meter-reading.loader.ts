import { byKeys, type BaseContext } from '#platform/context';
import type { Connection, PageArgs } from '#platform/pagination';
import type { MeterReading } from './meter-reading.entity';
import type { ReadingWindow } from './meter-reading.input';
import { MeterReadingService } from './meter-reading.service';

/** `Meter.readings`: one batch for every meter asked with the same page and window. */
export function readingsByMeter(context: BaseContext, args: PageArgs, window: ReadingWindow) {
  return context.loaders.get<string, Connection<MeterReading>>(
    'readingsByMeter',
    (meterIds) => new MeterReadingService(context.db).pageByMeter(meterIds, args, window),
    { first: args.first, after: args.after, ...window },
  );
}

export function latestReadingByMeter(context: BaseContext) {
  return context.loaders.get<string, MeterReading | null>('latestReadingByMeter', async (meterIds) =>
    byKeys(meterIds, await new MeterReadingService(context.db).latestByMeter(meterIds), (row) => row.meterId),
  );
}
