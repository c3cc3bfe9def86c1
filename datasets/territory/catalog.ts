import { validateArrondissementParameter } from '../catalog-helpers';
import type { DatasetDefinition } from '#platform/exports/definition';

export const territoryDatasets: DatasetDefinition[] = [
  {
    id: 'arrondissements',
    subgraph: 'territory',
    title: 'Arrondissements of Paris',
    description:
      'The 20 arrondissements: INSEE codes, names, surface, perimeter, centroid and resident population; the GeoJSON distribution carries their official boundaries (the centroid where none was imported).',
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
    // `near`, `bbox` and `within` test the centroid; GeoJSON draws the boundary.
    location: { latitude: 'latitude', longitude: 'longitude', shape: 'geometry' },
    accrualPeriodicity: 'irregular',
  },
  {
    id: 'districts',
    subgraph: 'territory',
    title: 'Districts of Paris',
    description:
      'Eco-districts and urban projects: kind, arrondissement, surface, start year and centroid; the GeoJSON distribution carries their boundaries, approximate (a disc of the district’s surface around its centroid) until a surveyed outline is published.',
    keywords: ['district', 'eco-district', 'urban project', 'territory', 'boundaries'],
    themes: ['REGI'],
    ledgerIds: ['districts'],
    from: 'territory.district',
    columns: [
      { name: 'id', sql: 'id', type: 'text', description: 'Stable slug, e.g. clichy-batignolles' },
      { name: 'name', sql: 'name', type: 'text', description: 'Name' },
      { name: 'kind', sql: 'kind', type: 'text', description: 'ECO_DISTRICT, URBAN_PROJECT, ...' },
      { name: 'description', sql: 'description', type: 'text', description: 'What the district is' },
      {
        name: 'arrondissement',
        sql: 'arrondissement_code',
        type: 'integer',
        description: 'Arrondissement it lies in, 1 to 20',
      },
      { name: 'surface_m2', sql: 'surface_m2', type: 'double', description: 'Surface in square metres' },
      { name: 'start_year', sql: 'start_year', type: 'integer', description: 'Year the project started' },
      { name: 'latitude', sql: 'latitude', type: 'double', description: 'Centroid latitude (WGS 84)' },
      { name: 'longitude', sql: 'longitude', type: 'double', description: 'Centroid longitude (WGS 84)' },
      {
        name: 'provenance',
        sql: 'provenance',
        type: 'text',
        description: 'OPEN_DATA, REFERENCE or GENERATED',
      },
    ],
    key: { sql: 'id', type: 'text' },
    filters: [
      {
        name: 'arrondissement',
        type: 'integer',
        condition: 'arrondissement_code = $1',
        validate: validateArrondissementParameter,
      },
      { name: 'kind', type: 'text', condition: 'kind = $1' },
    ],
    location: { latitude: 'latitude', longitude: 'longitude', shape: 'geometry' },
    accrualPeriodicity: 'irregular',
  },
];
