import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { whereExplored } from '#platform/exploring';
import { withFacets } from '#platform/facets';
import { containsPattern } from '#platform/like';
import { explorationOrder } from '#platform/ordering';
import {
  paginate,
  paginateByParent,
  type Connection,
  type PageArgs,
  type PageOrder,
} from '#platform/pagination';
import { validateEdition } from '../edition/edition.service';
import { BudgetProject, BudgetProjectInArrondissement, BudgetProjectFacetField } from './project.entity';
import {
  BudgetProjectOrderField,
  type BudgetProjectCriteria,
  type BudgetProjectFilter,
  type BudgetProjectOrder,
} from './project.input';

/** Most recent edition first; within an edition, the newest project (highest id) first. */
const NEWEST_FIRST: PageOrder<BudgetProject> = {
  alias: 'project',
  id: 'id',
  sort: 'edition',
  direction: 'DESC',
};

const ORDER_COLUMNS: Partial<Record<BudgetProjectOrderField, string>> = {
  [BudgetProjectOrderField.ID]: 'project.id',
  [BudgetProjectOrderField.EDITION]: 'project.edition',
  // Untitled projects sort as the empty title: sort keys must not be NULL for keyset cursors.
  [BudgetProjectOrderField.TITLE]: "COALESCE(project.title, '')",
  [BudgetProjectOrderField.BUDGET]: 'project.budgetEuros',
  [BudgetProjectOrderField.THEME]: 'project.theme',
};

function projectOrder(
  criteria: BudgetProjectCriteria,
  orderBy?: BudgetProjectOrder[] | null,
): PageOrder<BudgetProject> {
  return explorationOrder(NEWEST_FIRST, orderBy, ORDER_COLUMNS, {
    near: Boolean(criteria.near),
    search: criteria.search !== null && criteria.search !== undefined,
  });
}

/** What `facets` counts, by field. */
const FACET_COLUMNS: Record<BudgetProjectFacetField, string> = {
  [BudgetProjectFacetField.EDITION]: 'project.edition',
  [BudgetProjectFacetField.THEME]: 'project.theme',
  [BudgetProjectFacetField.PROGRESS]: 'project.progress',
  [BudgetProjectFacetField.SCALE]: 'project.scale',
};

export class ProjectService {
  constructor(private readonly db: DataSource) {}

  async page(
    filter: BudgetProjectFilter,
    args: PageArgs,
    orderBy?: BudgetProjectOrder[] | null,
  ): Promise<Connection<BudgetProject>> {
    validateArrondissement(filter.arrondissement, 'filter.arrondissement');
    const query = this.matching(this.db.getRepository(BudgetProject).createQueryBuilder('project'), filter);
    if (filter.arrondissement) {
      query.andWhere('project.arrondissementCodes @> ARRAY[:arrondissement]::smallint[]', {
        arrondissement: filter.arrondissement,
      });
    }
    return withFacets(await paginate(query, args, projectOrder(filter, orderBy)), query, FACET_COLUMNS);
  }

  /**
   * One page per arrondissement, all in three statements (Paris Centre projects appear in each of
   * 1–4); the counts alone, in one, without `rows`.
   */
  pageByArrondissements(
    codes: readonly number[],
    criteria: BudgetProjectCriteria,
    args: PageArgs,
    rows: boolean,
  ): Promise<Connection<BudgetProjectInArrondissement>[]> {
    const query = this.matching(
      this.db.getRepository(BudgetProjectInArrondissement).createQueryBuilder('project'),
      criteria,
    );
    return paginateByParent(query, 'arrondissementCode', codes, args, projectOrder(criteria), { rows });
  }

  /** One page per edition, all in three statements. */
  pageByEditions(
    years: readonly number[],
    criteria: BudgetProjectCriteria,
    args: PageArgs,
  ): Promise<Connection<BudgetProject>[]> {
    const query = this.matching(this.db.getRepository(BudgetProject).createQueryBuilder('project'), {
      ...criteria,
      edition: null,
    });
    return paginateByParent(query, 'edition', years, args, projectOrder(criteria));
  }

  byIds(ids: readonly number[]): Promise<BudgetProject[]> {
    return this.db
      .getRepository(BudgetProject)
      .createQueryBuilder('project')
      .where('project.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /** The filter conditions shared by the root list and the nested ones (alias `project`). */
  private matching<T extends BudgetProject>(
    query: SelectQueryBuilder<T>,
    criteria: BudgetProjectCriteria,
  ): SelectQueryBuilder<T> {
    validateEdition(criteria.edition, 'filter.edition');
    if (criteria.edition !== null && criteria.edition !== undefined) {
      query.andWhere('project.edition = :edition', { edition: criteria.edition });
    }
    if (criteria.theme) query.andWhere('project.theme = :theme', { theme: criteria.theme.trim() });
    if (criteria.progress && criteria.progress.length > 0) {
      query.andWhere('project.progress IN (:...progress)', { progress: criteria.progress });
    }
    if (criteria.scale) query.andWhere('project.scale = :scale', { scale: criteria.scale });
    if (criteria.workingClassNeighbourhood !== null && criteria.workingClassNeighbourhood !== undefined) {
      query.andWhere('project.workingClassNeighbourhood = :workingClass', {
        workingClass: criteria.workingClassNeighbourhood,
      });
    }
    const words = criteria.titleContains?.trim();
    if (words) {
      query.andWhere("project.title ILIKE :titlePattern ESCAPE '\\'", {
        titlePattern: containsPattern(words),
      });
    }
    whereExplored(query, 'project', criteria);
    return query;
  }
}

/** GraphQL ids are strings; the city's project ids are integers. Anything else matches nothing. */
export function parseProjectId(id: string | number): number | null {
  const value = Number(id);
  // Ids are PostgreSQL integers: a larger number names no project (and would overflow the column).
  return Number.isSafeInteger(value) &&
    value > 0 &&
    value <= 2_147_483_647 &&
    String(value) === String(id).trim()
    ? value
    : null;
}
