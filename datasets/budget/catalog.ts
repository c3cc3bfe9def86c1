import { validateArrondissementParameter } from '../catalog-helpers';
import type { DatasetDefinition } from '../../platform/src/exports/definition';

const text = (name: string, description: string) => ({ name, sql: name, type: 'text' as const, description });

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
    accrualPeriodicity: 'annual',
  },
];
