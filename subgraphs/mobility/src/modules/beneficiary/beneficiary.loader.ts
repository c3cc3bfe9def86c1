import { byKeys, type BaseContext } from '#platform/context';
import type { Connection, PageArgs } from '#platform/pagination';
import type { AccompanimentRequest } from '../accompaniment-request/accompaniment-request.entity';
import type { Beneficiary } from './beneficiary.entity';
import { BeneficiaryService } from './beneficiary.service';

export function beneficiaryById(context: BaseContext) {
  return context.loaders.get<string, Beneficiary | null>('beneficiaryById', async (ids) =>
    byKeys(ids, await new BeneficiaryService(context.db).byIds(ids), (row) => row.id),
  );
}

/** One loader per page size and cursor, so every beneficiary of a page shares one batch. */
export function requestsByBeneficiary(context: BaseContext, page: PageArgs) {
  return context.loaders.get<string, Connection<AccompanimentRequest>>(
    'requestsByBeneficiary',
    (ids) => new BeneficiaryService(context.db).requestsOf(ids, page),
    { first: page.first ?? null, after: page.after ?? null },
  );
}
