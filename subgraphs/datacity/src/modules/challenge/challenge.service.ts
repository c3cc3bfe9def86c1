import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';
import { whereExplored } from '#platform/exploring';
import { withFacets } from '#platform/facets';
import { explorationOrder } from '#platform/ordering';
import {
  paginate,
  paginateByParent,
  type Connection,
  type PageArgs,
  type PageOrder,
} from '#platform/pagination';
import { Challenge, ChallengeFacetField } from './challenge.entity';
import { ChallengeOrderField, type ChallengeFilter, type ChallengeOrder } from './challenge.input';

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

const ORDER_COLUMNS: Partial<Record<ChallengeOrderField, string>> = {
  [ChallengeOrderField.ID]: 'challenge.id',
  [ChallengeOrderField.TITLE]: 'challenge.title',
  [ChallengeOrderField.SEASON]: 'challenge.season',
  [ChallengeOrderField.LAUNCH_DATE]: 'challenge.launchDate::text',
  [ChallengeOrderField.ARRONDISSEMENT]: 'challenge.arrondissementCode',
};

/** The caller's order, else by relevance when searching, else the usual order; the id ends it. */
function listOrder(filter: ChallengeFilter, orderBy?: ChallengeOrder[] | null): PageOrder<Challenge> {
  return explorationOrder(CHALLENGE_ORDER, orderBy, ORDER_COLUMNS, {
    near: Boolean(filter.near),
    search: filter.search !== null && filter.search !== undefined,
  });
}

/** What `facets` counts, by field. */
const FACET_COLUMNS: Record<ChallengeFacetField, string> = {
  [ChallengeFacetField.SEASON]: 'challenge.season',
  [ChallengeFacetField.THEME]: 'challenge.theme',
  [ChallengeFacetField.STATUS]: 'challenge.status',
  [ChallengeFacetField.ARRONDISSEMENT]: 'challenge.arrondissementCode',
};

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
    whereExplored(query, 'challenge', filter);
    return query;
  }

  async list(
    filter: ChallengeFilter,
    page: PageArgs,
    orderBy?: ChallengeOrder[] | null,
  ): Promise<Connection<Challenge>> {
    const query = this.filtered(filter);
    return withFacets(await paginate(query, page, listOrder(filter, orderBy)), query, FACET_COLUMNS);
  }

  byIds(ids: readonly string[]): Promise<Challenge[]> {
    return this.query()
      .where('challenge.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /**
   * One page of challenges for each arrondissement, in three statements whatever the number of
   * arrondissements; the counts alone, in one, without `rows`.
   */
  pageByArrondissements(
    codes: readonly number[],
    page: PageArgs,
    rows: boolean,
  ): Promise<Connection<Challenge>[]> {
    return paginateByParent(this.query(), 'arrondissementCode', codes, page, CHALLENGE_ORDER, { rows });
  }
}
