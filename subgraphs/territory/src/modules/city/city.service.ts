import type { DataSource } from 'typeorm';
import { City } from './city.entity';

/** The one city the platform describes. */
export const CITY_ID = 'paris';

export class CityService {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<City[]> {
    return this.db
      .getRepository(City)
      .createQueryBuilder('city')
      .where('city.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
