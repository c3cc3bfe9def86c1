import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '../../../../../platform/src/city';
import { badInput } from '../../../../../platform/src/errors';
import { whereNear } from '../../../../../platform/src/geo';
import {
  paginate,
  paginateByParent,
  type Connection,
  type PageArgs,
  type PageOrder,
} from '../../../../../platform/src/pagination';
import { Challenge } from './challenge.entity';
import type { ChallengeFilter } from './challenge.input';

/** DataCity's first season. */
export const FIRST_SEASON = 2016;

/** Ids are `DC-<season>-<number>`, so id order is season order, then the challenge's number in its season. */
const CHALLENGE_ORDER: PageOrder<Challenge> = { alias: 'challenge', id: 'id' };

export function validateSeason(season: number | null | undefined, argument = 'season'): void {
  if (season === null || season === undefined) return;
  const latest = new Date().getFullYear();
  if (!Number.isInteger(season) || season < FIRST_SEASON || season > latest) {
    throw badInput(
      `\`${argument}\` must be a DataCity season from ${FIRST_SEASON} to ${latest} (got ${season})`,
      argument,
    );
  }
}

export class ChallengeService {
  constructor(private readonly db: DataSource) {}

  private query(): SelectQueryBuilder<Challenge> {
    return this.db.getRepository(Challenge).createQueryBuilder('challenge');
  }

  filtered(filter: ChallengeFilter): SelectQueryBuilder<Challenge> {
    validateArrondissement(filter.arrondissement, 'filter.arrondissement');
    validateSeason(filter.season, 'filter.season');
    const query = this.query();
    if (filter.arrondissement)
      query.andWhere('challenge.arrondissementCode = :arrondissement', {
        arrondissement: filter.arrondissement,
      });
    if (filter.season) query.andWhere('challenge.season = :season', { season: filter.season });
    if (filter.theme) query.andWhere('challenge.theme = :theme', { theme: filter.theme });
    if (filter.status) query.andWhere('challenge.status = :status', { status: filter.status });
    if (filter.partner) query.andWhere(':partner = ANY(challenge.partners)', { partner: filter.partner });
    if (filter.near) whereNear(query, 'challenge', filter.near);
    return query;
  }

  list(filter: ChallengeFilter, page: PageArgs): Promise<Connection<Challenge>> {
    return paginate(this.filtered(filter), page, CHALLENGE_ORDER);
  }

  byIds(ids: readonly string[]): Promise<Challenge[]> {
    return this.query()
      .where('challenge.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /** One page of challenges for each arrondissement, in three statements whatever the number of arrondissements. */
  pageByArrondissements(codes: readonly number[], page: PageArgs): Promise<Connection<Challenge>[]> {
    return paginateByParent(this.query(), 'arrondissementCode', codes, page, CHALLENGE_ORDER);
  }
}
