import type { DataSource } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { whereNear } from '#platform/geo';
import { paginate, paginateByParent, type Connection, type PageArgs } from '#platform/pagination';
import { AccompanimentRequest } from '../accompaniment-request/accompaniment-request.entity';
import { REQUEST_ORDER } from '../accompaniment-request/accompaniment-request.service';
import { Beneficiary } from './beneficiary.entity';
import type { BeneficiaryFilter } from './beneficiary.input';

export class BeneficiaryService {
  constructor(private readonly db: DataSource) {}

  /** By id, the order people registered in. */
  list(filter: BeneficiaryFilter, page: PageArgs): Promise<Connection<Beneficiary>> {
    validateArrondissement(filter.arrondissement);
    const query = this.db.getRepository(Beneficiary).createQueryBuilder('beneficiary');
    if (filter.arrondissement)
      query.andWhere('beneficiary.arrondissementCode = :code', { code: filter.arrondissement });
    if (filter.near) whereNear(query, 'beneficiary', filter.near);
    return paginate(query, page, { alias: 'beneficiary', id: 'id' });
  }

  byIds(ids: readonly string[]): Promise<Beneficiary[]> {
    return this.db
      .getRepository(Beneficiary)
      .createQueryBuilder('beneficiary')
      .where('beneficiary.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /** The same page of requests for many beneficiaries at once (three statements in all). */
  requestsOf(beneficiaryIds: readonly string[], page: PageArgs): Promise<Connection<AccompanimentRequest>[]> {
    const query = this.db.getRepository(AccompanimentRequest).createQueryBuilder('request');
    return paginateByParent(query, 'beneficiaryId', beneficiaryIds, page, REQUEST_ORDER);
  }
}
