import type { DataSource } from 'typeorm';
import { Meter } from './meter.entity';

export class MeterService {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<Meter[]> {
    return this.db
      .getRepository(Meter)
      .createQueryBuilder('meter')
      .where('meter.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  byBuildings(buildingIds: readonly string[]): Promise<Meter[]> {
    return this.db
      .getRepository(Meter)
      .createQueryBuilder('meter')
      .where('meter.buildingId IN (:...buildingIds)', { buildingIds: [...buildingIds] })
      .orderBy('meter.id')
      .getMany();
  }
}
