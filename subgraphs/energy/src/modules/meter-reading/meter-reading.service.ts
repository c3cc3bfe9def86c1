import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { paginateByParent, type Connection, type PageArgs, type PageOrder } from '#platform/pagination';
import { MeterReading } from './meter-reading.entity';
import type { ReadingWindow } from './meter-reading.input';

const ALIAS = 'reading';

/** Chronological; `id` breaks ties (it never does within one meter, whose instants are unique). */
const CHRONOLOGICAL: PageOrder<MeterReading> = { alias: ALIAS, id: 'id', sort: 'observedAt' };

export class MeterReadingService {
  constructor(private readonly db: DataSource) {}

  private within(window: ReadingWindow): SelectQueryBuilder<MeterReading> {
    const query = this.db.getRepository(MeterReading).createQueryBuilder(ALIAS);
    if (window.from) query.andWhere(`${ALIAS}.observedAt > :from`, { from: window.from });
    if (window.to) query.andWhere(`${ALIAS}.observedAt <= :to`, { to: window.to });
    return query;
  }

  /** A page of readings for each meter, all meters in three statements (the unique (meter_id, observed_at) index serves it). */
  pageByMeter(
    meterIds: readonly string[],
    args: PageArgs,
    window: ReadingWindow,
  ): Promise<Connection<MeterReading>[]> {
    return paginateByParent(this.within(window), 'meterId', meterIds, args, CHRONOLOGICAL);
  }

  /** The newest reading of each meter: one index descent per meter (DISTINCT ON over (meter_id, observed_at)). */
  latestByMeter(meterIds: readonly string[]): Promise<MeterReading[]> {
    return this.db
      .getRepository(MeterReading)
      .createQueryBuilder(ALIAS)
      .distinctOn([`${ALIAS}.meterId`])
      .where(`${ALIAS}.meterId IN (:...meterIds)`, { meterIds: [...meterIds] })
      .orderBy(`${ALIAS}.meterId`)
      .addOrderBy(`${ALIAS}.observedAt`, 'DESC')
      .getMany();
  }
}
