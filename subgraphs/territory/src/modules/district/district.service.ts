import type { DataSource } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { District } from './district.entity';
import type { DistrictFilter } from './district.input';

export class DistrictService {
  constructor(private readonly db: DataSource) {}

  list(filter: DistrictFilter = {}): Promise<District[]> {
    validateArrondissement(filter.arrondissement);
    const query = this.db.getRepository(District).createQueryBuilder('district').orderBy('district.id');
    if (filter.arrondissement)
      query.andWhere('district.arrondissementCode = :code', { code: filter.arrondissement });
    if (filter.kind) query.andWhere('district.kind = :kind', { kind: filter.kind });
    return query.getMany();
  }

  byIds(ids: readonly string[]): Promise<District[]> {
    return this.db
      .getRepository(District)
      .createQueryBuilder('district')
      .where('district.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  byArrondissements(codes: readonly number[]): Promise<District[]> {
    return this.db
      .getRepository(District)
      .createQueryBuilder('district')
      .where('district.arrondissementCode IN (:...codes)', { codes: [...codes] })
      .orderBy('district.id')
      .getMany();
  }
}
