import type { DatasetDefinition } from '#platform/exports/definition';
import { validateArrondissementParameter } from '../catalog-helpers';

export const datacityDatasets: DatasetDefinition[] = [
  {
    id: 'datacity-challenges',
    subgraph: 'datacity',
    title: 'DataCity challenges',
    description:
      'The open-innovation challenges the city and its partners set to start-ups since 2016, with theme, season and status.',
    keywords: ['DataCity', 'open innovation', 'start-ups', 'challenges', 'experiments'],
    themes: ['TECH', 'ECON'],
    ledgerIds: ['datacity-challenges', 'datacity-startups', 'datacity-experiments'],
    from: 'datacity.challenge c',
    columns: [
      { name: 'id', sql: 'c.id', type: 'text', description: 'Challenge identifier (the resume key)' },
      { name: 'title', sql: 'c.title', type: 'text', description: 'Title' },
      { name: 'season', sql: 'c.season', type: 'integer', description: 'DataCity season' },
      { name: 'theme', sql: 'c.theme', type: 'text', description: 'Theme' },
      { name: 'status', sql: 'c.status', type: 'text', description: 'OPEN, EXPERIMENTING or COMPLETED' },
      {
        name: 'city_department',
        sql: 'c.city_department',
        type: 'text',
        description: 'City department that set it',
      },
      {
        name: 'partners',
        sql: "array_to_string(c.partners, '; ')",
        type: 'text',
        description: 'Corporate partners',
      },
      { name: 'launch_date', sql: 'c.launch_date', type: 'date', description: 'Launch date' },
      {
        name: 'arrondissement',
        sql: 'c.arrondissement_code',
        type: 'integer',
        description: 'Arrondissement, 1 to 20',
      },
      { name: 'latitude', sql: 'c.latitude', type: 'double', description: 'Latitude (WGS 84)' },
      { name: 'longitude', sql: 'c.longitude', type: 'double', description: 'Longitude (WGS 84)' },
      { name: 'description', sql: 'c.description', type: 'text', description: 'Description' },
      {
        name: 'provenance',
        sql: 'c.provenance',
        type: 'text',
        description: 'OPEN_DATA, REFERENCE or GENERATED',
      },
    ],
    key: { sql: 'c.id', type: 'text' },
    filters: [
      {
        name: 'arrondissement',
        type: 'integer',
        condition: 'c.arrondissement_code = $1',
        validate: validateArrondissementParameter,
      },
      { name: 'season', type: 'integer', condition: 'c.season = $1' },
      { name: 'theme', type: 'text', condition: 'c.theme = $1' },
      { name: 'status', type: 'text', condition: 'c.status = $1' },
    ],
    location: { latitude: 'c.latitude', longitude: 'c.longitude' },
    search: 'c.search_document',
    time: 'c.launch_date',
    accrualPeriodicity: 'annual',
  },
];
