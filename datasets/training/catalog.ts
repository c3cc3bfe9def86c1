import type { DataSource } from 'typeorm';
import type { DatasetDefinition, ExportFilterValues } from '#platform/exports/definition';
import {
  TrainingAudience,
  TrainingFormat,
  TrainingSkillDomain,
} from '#training/modules/course/course.entity';
import { TrainingProviderKind } from '#training/modules/provider/provider.entity';
import { TrainingSponsorKind } from '#training/modules/sponsor/sponsor.entity';
import {
  arrondissementColumn,
  arrondissementFilter,
  computedColumn,
  computedParameter,
  oneOfParameter,
  provenanceColumn,
  validateArrondissementParameter,
} from '../catalog-helpers';

const TRADES =
  'WEB_DEVELOPMENT, DATA, CYBERSECURITY, CLOUD_AND_NETWORKS, DIGITAL_MARKETING, UX_DESIGN or DIGITAL_SUPPORT';

/** `?year=` is refused with the same rule as the GraphQL filter. */
function validateYearParameter(value: number | string | boolean): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 2000 && value <= 2100
    ? undefined
    : '`year` must be a year such as 2017';
}

const text = (filters: ExportFilterValues, name: string) =>
  filters[name] === undefined ? null : String(filters[name]);

/**
 * The same rows as `Query.trainingOutcomes`, from the same service: `year` is its argument (the year
 * the cohorts started), the other parameters the fields of its course filter.
 */
async function trainingOutcomes(
  db: DataSource,
  filters: ExportFilterValues,
): Promise<Record<string, unknown>[]> {
  const { OutcomeService } = await import('#training/modules/outcome/outcome.service');
  const rows = await new OutcomeService(db).byYear(typeof filters.year === 'number' ? filters.year : null, {
    arrondissement: typeof filters.arrondissement === 'number' ? filters.arrondissement : null,
    skillDomain: text(filters, 'skillDomain') as TrainingSkillDomain | null,
    format: text(filters, 'format') as TrainingFormat | null,
    audience: text(filters, 'audience') as TrainingAudience | null,
    provider: text(filters, 'provider'),
    sponsor: text(filters, 'sponsor'),
    search: text(filters, 'search'),
  });
  return rows.map((row) => ({
    year: row.year,
    courses: row.courses,
    cohorts: row.cohorts,
    places: row.places,
    trainees: row.trainees,
    completed: row.completed,
    certified: row.certified,
    employed_within_6_months: row.employedWithin6Months,
    further_studies: row.furtherStudies,
    completion_rate: row.completionRate(),
    success_rate: row.successRate(),
    employment_rate: row.employmentRate(),
  }));
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
      arrondissementColumn('c.arrondissement_code'),
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
      arrondissementFilter('c.arrondissement_code'),
      { name: 'year', type: 'integer', condition: 'c.year = $1', validate: validateYearParameter },
      { name: 'skillDomain', type: 'text', condition: 'c.skill_domain = $1' },
      { name: 'format', type: 'text', condition: 'c.format = $1' },
      { name: 'audience', type: 'text', condition: '$1 = ANY(c.priority_audiences)' },
      { name: 'provider', type: 'text', condition: 'c.provider_id = $1' },
    ],
    location: { latitude: 'c.latitude', longitude: 'c.longitude' },
    search: 'c.search_document',
    accrualPeriodicity: 'annual',
  },
  {
    id: 'training-outcomes',
    subgraph: 'training',
    title: 'ParisCode training outcomes by year',
    description:
      'Per year the cohorts started: courses, cohorts, places, trainees, completions, certifications, and trainees ' +
      'in employment or further studies six months after, with the completion, success and employment rates. The ' +
      'same rows as `trainingOutcomes`: `year` keeps one start year; `arrondissement`, `skillDomain`, `format`, ' +
      '`audience`, `provider`, `sponsor` and `search` select courses as its `filter` does. Generated from the ' +
      'brochure figures: Paris publishes no such data.',
    keywords: ['ParisCode', 'training', 'employment', 'outcomes', 'statistics'],
    themes: ['EDUC', 'ECON'],
    ledgerIds: ['training-courses', 'training-cohorts', 'training-sponsors'],
    from: 'training.cohort',
    compute: trainingOutcomes,
    columns: [
      computedColumn('year', 'integer', 'Year the cohorts started'),
      computedColumn('courses', 'integer', 'Courses'),
      computedColumn('cohorts', 'integer', 'Cohorts (sessions)'),
      computedColumn('places', 'integer', 'Training places funded'),
      computedColumn('trainees', 'integer', 'Trainees who started'),
      computedColumn('completed', 'integer', 'Trainees who completed'),
      computedColumn('certified', 'integer', 'Trainees certified'),
      computedColumn('employed_within_6_months', 'integer', 'Trainees employed six months after'),
      computedColumn('further_studies', 'integer', 'Trainees gone on to further studies'),
      computedColumn('completion_rate', 'double', 'Completed among those who started, 0 to 1'),
      computedColumn(
        'success_rate',
        'double',
        'Employed or in further studies among those who completed, 0 to 1',
      ),
      computedColumn('employment_rate', 'double', 'Employed among those who completed, 0 to 1'),
    ],
    key: { sql: 'year', type: 'integer' },
    filters: [
      computedParameter('year', 'integer', validateYearParameter),
      computedParameter('arrondissement', 'integer', validateArrondissementParameter),
      computedParameter(
        'skillDomain',
        'text',
        oneOfParameter('skillDomain', Object.values(TrainingSkillDomain)),
      ),
      computedParameter('format', 'text', oneOfParameter('format', Object.values(TrainingFormat))),
      computedParameter('audience', 'text', oneOfParameter('audience', Object.values(TrainingAudience))),
      computedParameter('provider', 'text'),
      computedParameter('sponsor', 'text'),
      computedParameter('search', 'text'),
    ],
    accrualPeriodicity: 'annual',
  },
  {
    id: 'training-cohorts',
    subgraph: 'training',
    title: 'ParisCode cohorts and their outcomes',
    description:
      'Each session of a ParisCode course: dates, places, trainees who started, completed and were certified, and those in employment or further studies six months after. Generated from the brochure figures: Paris publishes no such data.',
    keywords: ['ParisCode', 'cohorts', 'training', 'employment', 'outcomes'],
    themes: ['EDUC', 'ECON'],
    ledgerIds: ['training-cohorts'],
    from: 'training.cohort co JOIN training.course c ON c.id = co.course_id',
    columns: [
      { name: 'id', sql: 'co.id', type: 'text', description: 'Cohort identifier (the resume key)' },
      { name: 'course_id', sql: 'co.course_id', type: 'text', description: 'Course' },
      { name: 'provider_id', sql: 'c.provider_id', type: 'text', description: 'Training provider' },
      {
        name: 'arrondissement',
        sql: 'c.arrondissement_code',
        type: 'integer',
        description: 'Arrondissement of the course, 1 to 20',
      },
      { name: 'year', sql: 'co.year', type: 'integer', description: 'Year the cohort started' },
      { name: 'start_date', sql: 'co.start_date', type: 'date', description: 'First day' },
      { name: 'end_date', sql: 'co.end_date', type: 'date', description: 'Last day' },
      { name: 'places', sql: 'co.places', type: 'integer', description: 'Places funded' },
      { name: 'enrolled', sql: 'co.enrolled', type: 'integer', description: 'Trainees who started' },
      { name: 'completed', sql: 'co.completed', type: 'integer', description: 'Trainees who completed' },
      { name: 'certified', sql: 'co.certified', type: 'integer', description: 'Trainees certified' },
      {
        name: 'employed_within_6_months',
        sql: 'co.employed_within_6_months',
        type: 'integer',
        description: 'Trainees employed six months after',
      },
      {
        name: 'further_studies',
        sql: 'co.further_studies',
        type: 'integer',
        description: 'Trainees gone on to further studies',
      },
      { name: 'latitude', sql: 'c.latitude', type: 'double', description: 'Course latitude (WGS 84)' },
      { name: 'longitude', sql: 'c.longitude', type: 'double', description: 'Course longitude (WGS 84)' },
      provenanceColumn('co.provenance'),
    ],
    key: { sql: 'co.id', type: 'text' },
    filters: [
      arrondissementFilter('c.arrondissement_code'),
      { name: 'year', type: 'integer', condition: 'co.year = $1', validate: validateYearParameter },
      { name: 'courseId', type: 'text', condition: 'co.course_id = $1' },
      { name: 'provider', type: 'text', condition: 'c.provider_id = $1' },
    ],
    location: { latitude: 'c.latitude', longitude: 'c.longitude' },
    time: 'co.start_date',
    accrualPeriodicity: 'annual',
  },
  {
    id: 'training-providers',
    subgraph: 'training',
    title: 'ParisCode training providers',
    description:
      'The schools, associations and companies that give ParisCode courses, with how many courses and places the City funded them. Generated from the brochure figures: Paris publishes no such data.',
    keywords: ['ParisCode', 'training providers', 'coding school'],
    themes: ['EDUC', 'ECON'],
    ledgerIds: ['training-providers'],
    from:
      'training.provider p LEFT JOIN (SELECT provider_id, count(*) AS courses, sum(places) AS places, ' +
      'sum(funding_euros) AS funding_euros FROM training.course GROUP BY provider_id) funded ON funded.provider_id = p.id',
    columns: [
      { name: 'id', sql: 'p.id', type: 'text', description: 'Provider identifier (the resume key)' },
      { name: 'name', sql: 'p.name', type: 'text', description: 'Name' },
      { name: 'kind', sql: 'p.kind', type: 'text', description: 'SCHOOL, ASSOCIATION or COMPANY' },
      { name: 'website', sql: 'p.website', type: 'text', description: 'Web site' },
      { name: 'founded_year', sql: 'p.founded_year', type: 'integer', description: 'Year founded' },
      {
        name: 'courses',
        sql: 'coalesce(funded.courses, 0)::int',
        type: 'integer',
        description: 'ParisCode courses it gives',
      },
      {
        name: 'places',
        sql: 'coalesce(funded.places, 0)::int',
        type: 'integer',
        description: 'Places funded, all courses',
      },
      {
        name: 'funding_euros',
        sql: 'coalesce(funded.funding_euros, 0)::bigint',
        type: 'bigint',
        description: 'City grants, all courses, euros',
      },
      provenanceColumn('p.provenance'),
    ],
    key: { sql: 'p.id', type: 'text' },
    filters: [
      {
        name: 'kind',
        type: 'text',
        condition: 'p.kind = $1',
        validate: oneOfParameter('kind', Object.values(TrainingProviderKind)),
      },
    ],
    accrualPeriodicity: 'annual',
  },
  {
    id: 'training-sponsors',
    subgraph: 'training',
    title: 'ParisCode sponsors',
    description:
      'The companies, foundations and start-ups that sponsor ParisCode courses (the brochure: €1.3 million raised since 2016), with what each gave and to how many courses. Generated from the brochure figures: Paris publishes no such data.',
    keywords: ['ParisCode', 'sponsors', 'sponsorship', 'patronage'],
    themes: ['EDUC', 'ECON'],
    ledgerIds: ['training-sponsors'],
    from:
      'training.sponsor s LEFT JOIN (SELECT sponsor_id, count(*) AS courses, sum(amount_euros) AS amount_euros, ' +
      'min(year) AS first_year FROM training.sponsorship GROUP BY sponsor_id) given ON given.sponsor_id = s.id',
    columns: [
      { name: 'id', sql: 's.id', type: 'text', description: 'Sponsor identifier (the resume key)' },
      { name: 'name', sql: 's.name', type: 'text', description: 'Name' },
      { name: 'kind', sql: 's.kind', type: 'text', description: 'COMPANY, FOUNDATION or STARTUP' },
      {
        name: 'startup_id',
        sql: 's.startup_id',
        type: 'text',
        description: 'The DataCity start-up it is, if one',
      },
      {
        name: 'amount_euros',
        sql: 'coalesce(given.amount_euros, 0)::bigint',
        type: 'bigint',
        description: 'Everything it gave, euros',
      },
      {
        name: 'courses',
        sql: 'coalesce(given.courses, 0)::int',
        type: 'integer',
        description: 'Courses it sponsors',
      },
      { name: 'first_year', sql: 'given.first_year', type: 'integer', description: 'Year of its first gift' },
      provenanceColumn('s.provenance'),
    ],
    key: { sql: 's.id', type: 'text' },
    filters: [
      {
        name: 'kind',
        type: 'text',
        condition: 's.kind = $1',
        validate: oneOfParameter('kind', Object.values(TrainingSponsorKind)),
      },
    ],
    accrualPeriodicity: 'annual',
  },
];
