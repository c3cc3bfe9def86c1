import type { DatasetDefinition } from '../../platform/src/exports/definition';
import { validateArrondissementParameter } from '../catalog-helpers';

const TRADES =
  'WEB_DEVELOPMENT, DATA, CYBERSECURITY, CLOUD_AND_NETWORKS, DIGITAL_MARKETING, UX_DESIGN or DIGITAL_SUPPORT';

/** `?year=` is refused with the same rule as the GraphQL filter. */
function validateYearParameter(value: number | string | boolean): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 2000 && value <= 2100
    ? undefined
    : '`year` must be a year such as 2017';
}

export const trainingDatasets: DatasetDefinition[] = [
  {
    id: 'training-courses',
    subgraph: 'training',
    title: 'ParisCode digital-skills courses',
    description:
      'The courses the City funds through the ParisCode calls for projects for job seekers (2016–2019): trade, ' +
      'format, provider, place, places, grant, priority audiences and the outcomes of their cohorts six months ' +
      'after (employment, further studies). Generated from the brochure figures: Paris publishes no such data.',
    keywords: ['ParisCode', 'digital skills', 'training', 'job seekers', 'employment', 'coding school'],
    themes: ['EDUC', 'ECON', 'TECH'],
    ledgerIds: ['training-courses', 'training-cohorts', 'training-providers', 'training-calls-for-projects'],
    from:
      'training.course c JOIN training.provider p ON p.id = c.provider_id LEFT JOIN (SELECT course_id, ' +
      'count(*) AS cohorts, sum(enrolled) AS enrolled, sum(completed) AS completed, sum(certified) AS certified, ' +
      'sum(employed_within_6_months) AS employed, sum(further_studies) AS further_studies ' +
      'FROM training.cohort GROUP BY course_id) o ON o.course_id = c.id',
    columns: [
      {
        name: 'id',
        sql: 'c.id',
        type: 'text',
        description: 'Course identifier, PC-<call year>-<number> (the resume key)',
      },
      {
        name: 'year',
        sql: 'c.year',
        type: 'integer',
        description: 'Year of the call for projects that funded it',
      },
      { name: 'title', sql: 'c.title', type: 'text', description: 'Title' },
      { name: 'skill_domain', sql: 'c.skill_domain', type: 'text', description: TRADES },
      {
        name: 'format',
        sql: 'c.format',
        type: 'text',
        description: 'BOOTCAMP, PART_TIME, WORK_STUDY or BLENDED',
      },
      { name: 'provider_id', sql: 'c.provider_id', type: 'text', description: 'Provider identifier' },
      { name: 'provider_name', sql: 'p.name', type: 'text', description: 'Provider name' },
      { name: 'provider_kind', sql: 'p.kind', type: 'text', description: 'SCHOOL, ASSOCIATION or COMPANY' },
      { name: 'duration_hours', sql: 'c.duration_hours', type: 'integer', description: 'Hours per trainee' },
      { name: 'places', sql: 'c.places', type: 'integer', description: 'Training places funded' },
      {
        name: 'funding_euros',
        sql: 'c.funding_euros',
        type: 'integer',
        description: 'Grant of the call, in euros',
      },
      {
        name: 'priority_audiences',
        sql: "array_to_string(c.priority_audiences, ' ')",
        type: 'text',
        description: 'Priority audiences, space-separated',
      },
      {
        name: 'certification',
        sql: 'c.certification',
        type: 'text',
        description: 'Professional title prepared, if any',
      },
      { name: 'street_address', sql: 'c.street_address', type: 'text', description: 'Where it is taught' },
      { name: 'postal_code', sql: 'c.postal_code', type: 'text', description: 'Postal code' },
      {
        name: 'arrondissement',
        sql: 'c.arrondissement_code',
        type: 'integer',
        description: 'Arrondissement, 1 to 20',
      },
      { name: 'latitude', sql: 'c.latitude', type: 'double', description: 'Latitude (WGS 84)' },
      { name: 'longitude', sql: 'c.longitude', type: 'double', description: 'Longitude (WGS 84)' },
      { name: 'cohorts', sql: 'coalesce(o.cohorts, 0)::int', type: 'integer', description: 'Sessions run' },
      {
        name: 'enrolled',
        sql: 'coalesce(o.enrolled, 0)::int',
        type: 'integer',
        description: 'Trainees who started',
      },
      {
        name: 'completed',
        sql: 'coalesce(o.completed, 0)::int',
        type: 'integer',
        description: 'Trainees who completed',
      },
      {
        name: 'certified',
        sql: 'coalesce(o.certified, 0)::int',
        type: 'integer',
        description: 'Trainees certified',
      },
      {
        name: 'employed_within_6_months',
        sql: 'coalesce(o.employed, 0)::int',
        type: 'integer',
        description: 'Trainees employed six months after',
      },
      {
        name: 'further_studies',
        sql: 'coalesce(o.further_studies, 0)::int',
        type: 'integer',
        description: 'Trainees gone on to further studies',
      },
      { name: 'provenance', sql: 'c.provenance', type: 'text', description: 'GENERATED' },
    ],
    key: { sql: 'c.id', type: 'text' },
    filters: [
      {
        name: 'arrondissement',
        type: 'integer',
        condition: 'c.arrondissement_code = $1',
        validate: validateArrondissementParameter,
      },
      { name: 'year', type: 'integer', condition: 'c.year = $1', validate: validateYearParameter },
      { name: 'skillDomain', type: 'text', condition: 'c.skill_domain = $1' },
      { name: 'format', type: 'text', condition: 'c.format = $1' },
      { name: 'audience', type: 'text', condition: '$1 = ANY(c.priority_audiences)' },
      { name: 'provider', type: 'text', condition: 'c.provider_id = $1' },
    ],
    location: { latitude: 'c.latitude', longitude: 'c.longitude' },
    accrualPeriodicity: 'annual',
  },
];
