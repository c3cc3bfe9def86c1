import type { DataSource } from 'typeorm';
import { validateArrondissement } from '#platform/city';
import { badInput } from '#platform/errors';
import { BudgetArea, BudgetTotalsDimension, type BudgetTotals } from './totals.entity';
import type { BudgetTotalsFilter } from './totals.input';

/** Each project's one perimeter: Paris-wide first (filed at the 4th's Hôtel de Ville), then Paris Centre (several codes). */
const AREA_SQL = `CASE WHEN p.scale = 'PARIS_WIDE' THEN '${BudgetArea.PARIS_WIDE}'
  WHEN cardinality(p.arrondissement_codes) > 1 THEN '${BudgetArea.PARIS_CENTRE}'
  ELSE '${BudgetArea.ARRONDISSEMENT}' END`;
const ARRONDISSEMENT_SQL = `CASE WHEN p.scale <> 'PARIS_WIDE' AND cardinality(p.arrondissement_codes) = 1
  THEN p.arrondissement_codes[1] END`;

/** The grouping columns of each dimension, in output order; fixed SQL, never the caller's text. */
const DIMENSION_COLUMNS: Record<BudgetTotalsDimension, { name: string; sql: string }[]> = {
  [BudgetTotalsDimension.EDITION]: [{ name: 'edition', sql: 'p.edition' }],
  [BudgetTotalsDimension.THEME]: [{ name: 'theme', sql: 'p.theme' }],
  [BudgetTotalsDimension.ARRONDISSEMENT]: [
    { name: 'arrondissement', sql: ARRONDISSEMENT_SQL },
    { name: 'area', sql: AREA_SQL },
  ],
};
const TOTALS = [
  'count(*)::int AS projects',
  'coalesce(sum(p.budget_euros), 0)::float8 AS budget',
  "(count(*) FILTER (WHERE p.progress = 'COMPLETED'))::int AS completed",
  'coalesce(sum(v.votes), 0)::int AS votes',
];
const DIMENSION_ORDER = [
  BudgetTotalsDimension.EDITION,
  BudgetTotalsDimension.THEME,
  BudgetTotalsDimension.ARRONDISSEMENT,
];

interface TotalsRow {
  edition: number | null;
  theme: string | null;
  arrondissement: number | null;
  area: BudgetArea | null;
  projects: number;
  budget: number;
  completed: number;
  votes: number;
}

/**
 * Participatory-budget totals in one grouped statement. Grouped by arrondissement, each project
 * counts once: in its arrondissement, in Paris Centre, or in Paris as a whole, so the groups add
 * up to the city's total (a Paris Centre project counted in each of the 1st–4th would count four
 * times). The votes of each project come from one index probe (IDX_budget_vote_choice_project).
 */
export class BudgetTotalsService {
  constructor(private readonly db: DataSource) {}

  async totals(
    groupBy: readonly BudgetTotalsDimension[],
    filter: BudgetTotalsFilter,
  ): Promise<BudgetTotals[]> {
    validateArrondissement(filter.arrondissement, 'filter.arrondissement');
    const theme = filter.theme?.trim() || null;
    await this.validateEditionAndTheme(filter.edition ?? null, theme);
    const columns = DIMENSION_ORDER.filter((dimension) => groupBy.includes(dimension)).flatMap(
      (dimension) => DIMENSION_COLUMNS[dimension],
    );
    const grouped = columns.map((column) => `${column.sql} AS ${column.name}`);
    const positions = columns.map((_, index) => String(index + 1));
    const rows = await this.db.query<TotalsRow[]>(
      `SELECT ${[...grouped, ...TOTALS].join(', ')}
         FROM budget_project p
         CROSS JOIN LATERAL (SELECT count(*) AS votes FROM budget_vote_choice c WHERE c.project_id = p.id) v
        WHERE ($1::smallint IS NULL OR p.edition = $1) AND ($2::text IS NULL OR p.theme = $2)
          AND ($3::smallint IS NULL OR p.arrondissement_codes @> ARRAY[$3::smallint])
          AND ($4::text IS NULL OR p.scale = $4)
        ${positions.length > 0 ? `GROUP BY ${positions.join(', ')} ORDER BY ${positions.join(', ')}` : ''}`,
      [filter.edition ?? null, theme, filter.arrondissement ?? null, filter.scale ?? null],
    );
    return rows.map((row) => ({
      edition: row.edition ?? null,
      theme: row.theme ?? null,
      area: row.area ?? null,
      arrondissementCode: row.arrondissement ?? null,
      projectCount: row.projects,
      budgetEuros: row.budget,
      completedCount: row.completed,
      votes: row.votes,
    }));
  }

  /** An edition that was never held or a theme no project has is a mistake, not an empty total. */
  private async validateEditionAndTheme(edition: number | null, theme: string | null): Promise<void> {
    if (edition === null && theme === null) return;
    const [known] = await this.db.query<{ editions: number[]; themes: string[] }[]>(
      `SELECT (SELECT array_agg(year ORDER BY year) FROM budget_edition) AS editions,
              (SELECT array_agg(DISTINCT theme ORDER BY theme) FROM budget_project) AS themes`,
    );
    if (edition !== null && !(known.editions ?? []).includes(edition)) {
      throw badInput(
        `\`filter.edition\`: there was no ${edition} edition (editions: ${(known.editions ?? []).join(', ')})`,
        'filter.edition',
      );
    }
    if (theme !== null && !(known.themes ?? []).includes(theme)) {
      throw badInput(
        `No project has that \`filter.theme\` (themes: ${(known.themes ?? []).join(', ')})`,
        'filter.theme',
      );
    }
  }
}
