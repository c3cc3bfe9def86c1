import { validateArrondissementParameter } from '../catalog-helpers';
import type { DatasetDefinition } from '#platform/exports/definition';

export const territoryDatasets: DatasetDefinition[] = [
  {
    id: 'arrondissements',
    subgraph: 'territory',
    title: 'Arrondissements of Paris',
    description:
      'The 20 arrondissements: INSEE codes, names, surface, perimeter, centroid and resident population.',
    keywords: ['arrondissement', 'territory', 'boundaries', 'population', 'INSEE'],
    themes: ['REGI', 'GOVE'],
    ledgerIds: ['arrondissements'],
    from: 'territory.arrondissement',
    columns: [
      { name: 'code', sql: 'code', type: 'integer', description: 'Arrondissement, 1 to 20' },
      { name: 'insee_code', sql: 'insee_code', type: 'text', description: 'INSEE commune code' },
      { name: 'name', sql: 'name', type: 'text', description: 'Usual name' },
      { name: 'official_name', sql: 'official_name', type: 'text', description: 'Official name' },
      { name: 'surface_m2', sql: 'surface_m2', type: 'double', description: 'Surface in square metres' },
      { name: 'perimeter_m', sql: 'perimeter_m', type: 'double', description: 'Perimeter in metres' },
      { name: 'population', sql: 'population', type: 'integer', description: 'Resident population (INSEE)' },
      {
        name: 'population_year',
        sql: 'population_year',
        type: 'integer',
        description: 'Year of the population figure',
      },
      { name: 'latitude', sql: 'latitude', type: 'double', description: 'Centroid latitude (WGS 84)' },
      { name: 'longitude', sql: 'longitude', type: 'double', description: 'Centroid longitude (WGS 84)' },
      {
        name: 'provenance',
        sql: 'provenance',
        type: 'text',
        description: 'OPEN_DATA, REFERENCE or GENERATED',
      },
    ],
    key: { sql: 'code', type: 'integer' },
    filters: [
      {
        name: 'arrondissement',
        type: 'integer',
        condition: 'code = $1',
        validate: validateArrondissementParameter,
      },
    ],
    location: { latitude: 'latitude', longitude: 'longitude' },
    accrualPeriodicity: 'irregular',
  },
];
