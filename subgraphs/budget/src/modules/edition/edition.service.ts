import type { DataSource } from 'typeorm';
import { badInput } from '#platform/errors';
import { BudgetProjectProgress } from '../project/project.entity';
import { BudgetEdition, BudgetEditionTotals } from './edition.entity';

/** An edition is a year: any other number names none, and would overflow the year column (smallint). */
export function validateEdition(year: number | null | undefined, argument: string): void {
  if (year !== null && year !== undefined && (year < 1000 || year > 9999))
    throw badInput(`\`${argument}\` must be a year such as 2024 (got ${year})`, argument);
}

export class EditionService {
  constructor(private readonly db: DataSource) {}

  list(): Promise<BudgetEdition[]> {
    return this.db.getRepository(BudgetEdition).find({ order: { year: 'ASC' } });
  }

  byYears(years: readonly number[]): Promise<BudgetEdition[]> {
    return this.db
      .getRepository(BudgetEdition)
      .createQueryBuilder('edition')
      .where('edition.year IN (:...years)', { years: [...years] })
      .getMany();
  }

  /** The totals of several editions in one aggregate statement. */
  async totals(years: readonly number[]): Promise<(BudgetEditionTotals & { year: number })[]> {
    const rows = await this.db.query<
      {
        year: number;
        projects: number;
        budget: string;
        completed: number;
        abandoned: number;
        working_class: number;
      }[]
    >(
      `SELECT edition AS year, count(*)::int AS projects, sum(budget_euros)::text AS budget,
              count(*) FILTER (WHERE progress = $2)::int AS completed,
              count(*) FILTER (WHERE progress = $3)::int AS abandoned,
              count(*) FILTER (WHERE working_class_neighbourhood)::int AS working_class
       FROM budget_project WHERE edition = ANY($1::smallint[]) GROUP BY edition`,
      [[...years], BudgetProjectProgress.COMPLETED, BudgetProjectProgress.ABANDONED],
    );
    return rows.map((row) => ({
      year: row.year,
      projectCount: row.projects,
      budgetEuros: Number(row.budget),
      completedCount: row.completed,
      abandonedCount: row.abandoned,
      workingClassNeighbourhoodCount: row.working_class,
    }));
  }
}

export function emptyTotals(): BudgetEditionTotals {
  return {
    projectCount: 0,
    budgetEuros: 0,
    completedCount: 0,
    abandonedCount: 0,
    workingClassNeighbourhoodCount: 0,
  };
}
