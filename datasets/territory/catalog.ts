import { arrondissementFilter, oneOfParameter, provenanceColumn } from '../catalog-helpers';
import type { DatasetDefinition } from '#platform/exports/definition';

/** District kinds, as `District.kind` spells them. */
const DISTRICT_KINDS = ['ECO_DISTRICT', 'URBAN_PROJECT', 'URBAN_INNOVATION_NEIGHBOURHOOD'];

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
      provenanceColumn('provenance'),
    ],
    key: { sql: 'code', type: 'integer' },
    filters: [arrondissementFilter('code')],
    // `near`, `bbox` and `within` test the centroid; GeoJSON draws the boundary.
    location: { latitude: 'latitude', longitude: 'longitude', shape: 'geometry' },
    accrualPeriodicity: 'irregular',
  },
  {
    id: 'districts',
    subgraph: 'territory',
    title: 'Districts and urban projects of Paris',
    description:
      'Eco-districts, large urban projects and the two urban innovation neighbourhoods where start-ups experiment: kind, arrondissement, surface, start year, centroid and the source naming them; the GeoJSON distribution carries their boundaries, approximate (a disc of the district’s surface around its centroid) until a surveyed outline is published.',
    keywords: ['district', 'eco-district', 'urban project', 'urban innovation', 'territory', 'boundaries'],
    themes: ['REGI'],
    ledgerIds: ['districts'],
    from: 'territory.district d LEFT JOIN territory.citation c ON c.id = d.citation_id',
    columns: [
      { name: 'id', sql: 'd.id', type: 'text', description: 'District slug, e.g. clichy-batignolles' },
      { name: 'name', sql: 'd.name', type: 'text', description: 'Name' },
      { name: 'kind', sql: 'd.kind', type: 'text', description: DISTRICT_KINDS.join(', ') },
      { name: 'description', sql: 'd.description', type: 'text', description: 'Description' },
      {
        name: 'arrondissement',
        sql: 'd.arrondissement_code',
        type: 'integer',
        description: 'Arrondissement, 1 to 20 (the main one for a district over several)',
      },
      { name: 'surface_m2', sql: 'd.surface_m2', type: 'double', description: 'Surface in square metres' },
      { name: 'start_year', sql: 'd.start_year', type: 'integer', description: 'Year the project started' },
      { name: 'latitude', sql: 'd.latitude', type: 'double', description: 'Centroid latitude (WGS 84)' },
      { name: 'longitude', sql: 'd.longitude', type: 'double', description: 'Centroid longitude (WGS 84)' },
      { name: 'source_title', sql: 'c.title', type: 'text', description: 'Document naming it, if any' },
      { name: 'source_url', sql: 'c.url', type: 'text', description: 'Where to read that document' },
      provenanceColumn('d.provenance'),
    ],
    key: { sql: 'd.id', type: 'text' },
    filters: [
      arrondissementFilter('d.arrondissement_code'),
      {
        name: 'kind',
        type: 'text',
        condition: 'd.kind = $1',
        validate: oneOfParameter('kind', DISTRICT_KINDS),
      },
    ],
    // `near`, `bbox` and `within` test the centroid; GeoJSON draws the boundary.
    location: { latitude: 'd.latitude', longitude: 'd.longitude', shape: 'd.geometry' },
    accrualPeriodicity: 'irregular',
  },
  {
    id: 'city-figures',
    subgraph: 'territory',
    title: 'Key figures of Paris',
    description:
      'The key figures of the territory in the brochure "Smart and Sustainable Paris" (City of Paris): inhabitants, jobs, shops and commercial services, start-ups, businesses and students in higher education, each with its year and source.',
    keywords: ['key figures', 'population', 'jobs', 'start-ups', 'businesses', 'students'],
    themes: ['ECON', 'SOCI', 'REGI'],
    ledgerIds: ['city-figures'],
    from: 'territory.city_figure f JOIN territory.citation c ON c.id = f.citation_id',
    columns: [
      { name: 'city_id', sql: 'f.city_id', type: 'text', description: 'City, "paris"' },
      {
        name: 'indicator',
        sql: 'f.indicator',
        type: 'text',
        description:
          'INHABITANTS, JOBS, SHOPS_AND_COMMERCIAL_SERVICES, STARTUPS, BUSINESSES or HIGHER_EDUCATION_STUDENTS',
      },
      {
        name: 'year',
        sql: 'f.year',
        type: 'integer',
        description: 'Year of the figure, as its source dates it',
      },
      { name: 'value', sql: 'f.value', type: 'double', description: 'The figure' },
      { name: 'unit', sql: 'f.unit', type: 'text', description: 'What is counted' },
      { name: 'label', sql: 'f.label', type: 'text', description: 'The figure as the source words it' },
      { name: 'source_title', sql: 'c.title', type: 'text', description: 'Source document' },
      { name: 'source_publisher', sql: 'c.publisher', type: 'text', description: 'Its publisher' },
      { name: 'source_year', sql: 'c.year', type: 'integer', description: 'Its year of publication' },
      { name: 'source_note', sql: 'c.note', type: 'text', description: 'How the source was read and dated' },
      provenanceColumn('f.provenance'),
    ],
    key: { sql: "f.city_id || '/' || f.indicator || '/' || f.year", type: 'text' },
    filters: [
      {
        name: 'year',
        type: 'integer',
        condition: 'f.year = $1',
        validate: (value) =>
          typeof value === 'number' && Number.isInteger(value) && value >= 1800 && value <= 2100
            ? undefined
            : '`year` must be a year such as 2019',
      },
    ],
    accrualPeriodicity: 'irregular',
  },
];
