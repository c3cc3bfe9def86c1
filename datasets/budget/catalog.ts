import type { DataSource } from 'typeorm';
import {
  computedColumn,
  computedParameter,
  oneOfParameter,
  validateArrondissementParameter,
} from '../catalog-helpers';
import type { DatasetDefinition, ExportFilterValues } from '#platform/exports/definition';
import { BudgetScale } from '#budget/modules/project/project.entity';
import { BudgetTotalsDimension } from '#budget/modules/totals/totals.entity';

const text = (name: string, description: string) => ({ name, sql: name, type: 'text' as const, description });

const DIMENSIONS = Object.values(BudgetTotalsDimension);

/** `?groupBy=EDITION,THEME`: the export's spelling of the GraphQL list; all three when absent, as there. */
function dimensionsOf(value: number | string | boolean | undefined): BudgetTotalsDimension[] {
  return value === undefined
    ? DIMENSIONS
    : (String(value).split(',').filter(Boolean) as BudgetTotalsDimension[]);
}

/** The same rows as `Query.budgetTotals`, from the same service and with its argument names. */
async function budgetTotals(db: DataSource, filters: ExportFilterValues): Promise<Record<string, unknown>[]> {
  const { BudgetTotalsService } = await import('#budget/modules/totals/totals.service');
  const rows = await new BudgetTotalsService(db).totals(dimensionsOf(filters.groupBy), {
    edition: typeof filters.edition === 'number' ? filters.edition : null,
    theme: filters.theme === undefined ? null : String(filters.theme),
    arrondissement: typeof filters.arrondissement === 'number' ? filters.arrondissement : null,
    scale: filters.scale === undefined ? null : (String(filters.scale) as BudgetScale),
  });
  return rows.map((row) => ({
    edition: row.edition,
    theme: row.theme,
    area: row.area,
    arrondissement: row.arrondissementCode,
    project_count: row.projectCount,
    budget_euros: row.budgetEuros,
    completed_count: row.completedCount,
    votes: row.votes,
  }));
}

export const budgetDatasets: DatasetDefinition[] = [
  {
    id: 'budget-projects',
    subgraph: 'budget',
    title: 'Participatory Budget winning projects',
    description:
      'Every winning project of the Paris Participatory Budget since 2014: theme, lead department, budget, ' +
      'arrondissement, progress and milestones. Located where the address is a town hall.',
    keywords: ['participatory budget', 'budget participatif', 'projects', 'citizen participation'],
    themes: ['GOVE', 'SOCI'],
    ledgerIds: ['budget-projects'],
    from: 'budget.budget_project',
    columns: [
      { name: 'id', sql: 'id', type: 'integer', description: 'The city’s project identifier' },
      { name: 'edition', sql: 'edition', type: 'integer', description: 'Edition (year of the vote)' },
      text('title', 'Title'),
      text('theme', 'Thématique'),
      text('lead_department', 'Direction pilote'),
      { name: 'budget_euros', sql: 'budget_euros', type: 'integer', description: 'Global budget in euros' },
      text('scale', 'ARRONDISSEMENT or PARIS_WIDE'),
      text('address', 'Address as published'),
      text('postal_code', 'Code the city files the project under (75123: Paris Centre)'),
      {
        name: 'arrondissements',
        sql: "array_to_string(arrondissement_codes, ' ')",
        type: 'text',
        description: 'Arrondissements the project belongs to, space-separated',
      },
      {
        name: 'working_class_neighbourhood',
        sql: 'working_class_neighbourhood',
        type: 'boolean',
        description: 'Projet en Quartier populaire',
      },
      text('progress', 'NOT_STARTED, STUDIES, PROCEDURES, WORKS, DELIVERY, COMPLETED or ABANDONED'),
      text('studies_start', 'Studies start (YYYY-MM)'),
      text('procedures_start', 'Procedures start (YYYY-MM)'),
      text('works_start', 'Works start (YYYY-MM)'),
      text('planned_delivery', 'Planned delivery (YYYY-MM)'),
      text('opened_to_public', 'Opened to the public (YYYY-MM)'),
      text('submitted_idea_url', 'The idea submitted to the vote'),
      text('project_url', 'The winning project’s page'),
      { name: 'latitude', sql: 'latitude', type: 'double', description: 'Latitude (WGS 84), when known' },
      { name: 'longitude', sql: 'longitude', type: 'double', description: 'Longitude (WGS 84), when known' },
      text('building_id', 'The public building renovated (generated link)'),
      text('provenance', 'OPEN_DATA or GENERATED'),
    ],
    key: { sql: 'id', type: 'integer' },
    filters: [
      {
        name: 'arrondissement',
        type: 'integer',
        condition: '$1 = ANY(arrondissement_codes)',
        validate: validateArrondissementParameter,
      },
      { name: 'edition', type: 'integer', condition: 'edition = $1' },
    ],
    location: { latitude: 'latitude', longitude: 'longitude' },
    search: 'budget.budget_project.search_document',
    accrualPeriodicity: 'annual',
  },
  {
    id: 'budget-totals',
    subgraph: 'budget',
    title: 'Participatory Budget totals by edition, theme and arrondissement',
    description:
      'Winning projects counted and summed (budget in euros, completed projects, ballots choosing them) per edition, ' +
      'theme and area. Each project counts once: Paris Centre projects (1st–4th, since 2021) and Paris-wide projects ' +
      'form areas of their own rather than being counted in every arrondissement. The same rows as `budgetTotals`, ' +
      'with its names: `groupBy` (comma-separated EDITION, THEME, ARRONDISSEMENT; all three by default), `edition`, ' +
      '`theme`, `arrondissement`, `scale`. Ballots are generated: the city publishes none.',
    keywords: ['participatory budget', 'budget participatif', 'statistics', 'citizen participation'],
    themes: ['GOVE', 'SOCI'],
    ledgerIds: ['budget-projects', 'budget-votes'],
    from: 'budget.budget_project',
    compute: budgetTotals,
    columns: [
      computedColumn('edition', 'integer', 'Edition, when grouped by it'),
      computedColumn('theme', 'text', 'Thématique, when grouped by it'),
      computedColumn(
        'area',
        'text',
        'ARRONDISSEMENT, PARIS_CENTRE or PARIS_WIDE, when grouped by arrondissement',
      ),
      computedColumn('arrondissement', 'integer', 'Arrondissement of an ARRONDISSEMENT area, 1 to 20'),
      computedColumn('project_count', 'integer', 'Winning projects'),
      computedColumn('budget_euros', 'double', 'Sum of their budgets, euros'),
      computedColumn('completed_count', 'integer', 'Projects delivered and closed'),
      computedColumn('votes', 'integer', 'Ballots choosing them (generated)'),
    ],
    key: { sql: 'id', type: 'integer' },
    filters: [
      computedParameter('groupBy', 'text', (value) =>
        dimensionsOf(value).every((dimension) => DIMENSIONS.includes(dimension))
          ? undefined
          : `\`groupBy\` takes comma-separated dimensions among ${DIMENSIONS.join(', ')}`,
      ),
      computedParameter('edition', 'integer'),
      computedParameter('theme', 'text'),
      computedParameter('arrondissement', 'integer', validateArrondissementParameter),
      computedParameter('scale', 'text', oneOfParameter('scale', Object.values(BudgetScale))),
    ],
    accrualPeriodicity: 'annual',
  },
  {
    id: 'budget-ballot-counts',
    subgraph: 'budget',
    title: 'Participatory Budget ballots per project',
    description:
      'How many ballots chose each winning project of the Participatory Budget, with its edition and arrondissements: counts only, never a voter. The ballots are generated (the city publishes no ballot data).',
    keywords: ['participatory budget', 'budget participatif', 'votes', 'ballots'],
    themes: ['GOVE', 'SOCI'],
    ledgerIds: ['budget-projects', 'budget-votes'],
    from: 'budget.budget_project p',
    columns: [
      { name: 'project_id', sql: 'p.id', type: 'integer', description: 'The city’s project identifier' },
      { name: 'edition', sql: 'p.edition', type: 'integer', description: 'Edition (year of the vote)' },
      { name: 'title', sql: 'p.title', type: 'text', description: 'Title' },
      { name: 'theme', sql: 'p.theme', type: 'text', description: 'Thématique' },
      { name: 'scale', sql: 'p.scale', type: 'text', description: 'ARRONDISSEMENT or PARIS_WIDE' },
      {
        name: 'arrondissements',
        sql: "array_to_string(p.arrondissement_codes, ' ')",
        type: 'text',
        description: 'Arrondissements the project belongs to, space-separated',
      },
      {
        name: 'ballots',
        sql: '(SELECT count(*)::int FROM budget.budget_vote_choice choice WHERE choice.project_id = p.id)',
        type: 'integer',
        description: 'Ballots that chose the project',
      },
    ],
    key: { sql: 'p.id', type: 'integer' },
    filters: [
      {
        name: 'arrondissement',
        type: 'integer',
        condition: '$1 = ANY(p.arrondissement_codes)',
        validate: validateArrondissementParameter,
      },
      {
        name: 'edition',
        type: 'integer',
        condition: 'p.edition = $1',
        validate: (value) =>
          typeof value === 'number' && Number.isInteger(value) && value >= 2014 && value <= 2100
            ? undefined
            : '`edition` must be the year of an edition, from 2014',
      },
    ],
    accrualPeriodicity: 'annual',
  },
];
