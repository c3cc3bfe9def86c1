import type { DatasetDefinition } from '../../platform/src/exports/definition';
import { validateArrondissementParameter } from '../catalog-helpers';

const arrondissement = (column: string): DatasetDefinition['filters'][number] => ({
  name: 'arrondissement',
  type: 'integer',
  condition: `${column} = $1`,
  validate: validateArrondissementParameter,
});

const WASTE_LEDGER = ['trilib-pilot', 'glass-columns', 'tri-mobile', 'trilib-stations'];

export const wasteDatasets: DatasetDefinition[] = [
  {
    id: 'waste-stations',
    subgraph: 'waste',
    title: "Waste drop-off stations (Trilib', glass columns, Tri Mobile)",
    description:
      'Voluntary drop-off points with the waste streams they accept, their current fill level and last emptying.',
    keywords: ['waste', 'Trilib', 'recycling', 'glass', 'zero waste'],
    themes: ['ENVI'],
    ledgerIds: WASTE_LEDGER,
    from: `waste.waste_station s LEFT JOIN LATERAL (
      SELECT max(c.filling_level) AS filling_level, max(c.date_last_emptying) AS date_last_emptying, count(*) AS containers
        FROM waste.waste_container c WHERE c.station_id = s.id) c ON true`,
    columns: [
      { name: 'id', sql: 's.id', type: 'text', description: 'Station identifier' },
      { name: 'name', sql: 's.name', type: 'text', description: 'Name' },
      {
        name: 'category',
        sql: 's.category',
        type: 'text',
        description: 'TRILIB, GLASS_COLUMN or TRI_MOBILE',
      },
      { name: 'status', sql: 's.status', type: 'text', description: 'ACTIVE, OUT_OF_SERVICE…' },
      { name: 'address', sql: 's.address', type: 'text', description: 'Address' },
      {
        name: 'arrondissement',
        sql: 's.arrondissement_code',
        type: 'integer',
        description: 'Arrondissement, 1 to 20',
      },
      { name: 'latitude', sql: 's.latitude', type: 'double', description: 'Latitude (WGS 84)' },
      { name: 'longitude', sql: 's.longitude', type: 'double', description: 'Longitude (WGS 84)' },
      {
        name: 'accepted_streams',
        sql: "array_to_string(s.accepted_streams, ' ')",
        type: 'text',
        description: 'Waste streams accepted',
      },
      { name: 'containers', sql: 'c.containers', type: 'bigint', description: 'Number of containers' },
      {
        name: 'filling_level',
        sql: 'c.filling_level',
        type: 'double',
        description: 'Fullest container, 0 to 1',
      },
      {
        name: 'date_last_emptying',
        sql: 'c.date_last_emptying',
        type: 'timestamp',
        description: 'Last emptying of any container',
      },
      {
        name: 'source_dataset',
        sql: 's.dataset',
        type: 'text',
        description: 'The export or generator the station comes from',
      },
      {
        name: 'provenance',
        sql: 's.provenance',
        type: 'text',
        description: 'OPEN_DATA, REFERENCE or GENERATED',
      },
    ],
    key: { sql: 's.id', type: 'text' },
    filters: [
      arrondissement('s.arrondissement_code'),
      { name: 'category', type: 'text', condition: 's.category = $1' },
      { name: 'stream', type: 'text', condition: '$1 = ANY(s.accepted_streams)' },
    ],
    location: { latitude: 's.latitude', longitude: 's.longitude' },
    accrualPeriodicity: 'continuous',
  },
  {
    id: 'waste-filling-levels',
    subgraph: 'waste',
    title: 'Fill-level observations of waste containers',
    description:
      'Every fill level reported by the containers\u2019 sensors, with the time it was observed and the time it was received.',
    keywords: ['waste', 'fill level', 'sensors', 'time series'],
    themes: ['ENVI'],
    ledgerIds: WASTE_LEDGER,
    from: 'waste.filling_level_observation o JOIN waste.waste_container c ON c.id = o.container_id JOIN waste.waste_station s ON s.id = c.station_id',
    columns: [
      {
        name: 'observation_id',
        sql: 'o.id',
        type: 'bigint',
        description: 'Observation identifier (the resume key)',
      },
      { name: 'station_id', sql: 'c.station_id', type: 'text', description: 'Station' },
      { name: 'container_id', sql: 'o.container_id', type: 'text', description: 'Container' },
      { name: 'stream', sql: 'c.stream', type: 'text', description: 'Waste stream' },
      {
        name: 'arrondissement',
        sql: 's.arrondissement_code',
        type: 'integer',
        description: 'Arrondissement, 1 to 20',
      },
      { name: 'filling_level', sql: 'o.filling_level', type: 'double', description: 'Fill level, 0 to 1' },
      {
        name: 'observed_at',
        sql: 'o.observed_at',
        type: 'timestamp',
        description: 'When the sensor measured it',
      },
      {
        name: 'received_at',
        sql: 'o.received_at',
        type: 'timestamp',
        description: 'When the platform stored it',
      },
      {
        name: 'provenance',
        sql: 'o.provenance',
        type: 'text',
        description: 'OPEN_DATA, REFERENCE or GENERATED',
      },
    ],
    key: { sql: 'o.id', type: 'bigint' },
    filters: [
      arrondissement('s.arrondissement_code'),
      { name: 'stationId', type: 'text', condition: 'c.station_id = $1' },
      { name: 'stream', type: 'text', condition: 'c.stream = $1' },
    ],
    location: { latitude: 's.latitude', longitude: 's.longitude' },
    time: 'o.observed_at',
    asOf: 'o.received_at',
    accrualPeriodicity: 'continuous',
  },
  {
    id: 'waste-collections',
    subgraph: 'waste',
    title: 'Waste collections',
    description: 'Each emptying of a station\u2019s container: stream, time and weight collected.',
    keywords: ['waste', 'collection', 'tonnage'],
    themes: ['ENVI'],
    ledgerIds: WASTE_LEDGER,
    from: 'waste.waste_collection w JOIN waste.waste_station s ON s.id = w.station_id',
    columns: [
      {
        name: 'collection_id',
        sql: 'w.id',
        type: 'text',
        description: 'Collection identifier (the resume key)',
      },
      { name: 'station_id', sql: 'w.station_id', type: 'text', description: 'Station' },
      { name: 'stream', sql: 'w.stream', type: 'text', description: 'Waste stream' },
      {
        name: 'arrondissement',
        sql: 's.arrondissement_code',
        type: 'integer',
        description: 'Arrondissement, 1 to 20',
      },
      {
        name: 'collected_at',
        sql: 'w.collected_at',
        type: 'timestamp',
        description: 'When it was collected',
      },
      { name: 'weight_kg', sql: 'w.weight_kg', type: 'double', description: 'Weight collected, kg' },
      {
        name: 'recorded_at',
        sql: 'w.recorded_at',
        type: 'timestamp',
        description: 'When the platform stored it',
      },
      {
        name: 'provenance',
        sql: 'w.provenance',
        type: 'text',
        description: 'OPEN_DATA, REFERENCE or GENERATED',
      },
    ],
    key: { sql: 'w.id', type: 'text' },
    filters: [
      arrondissement('s.arrondissement_code'),
      { name: 'stationId', type: 'text', condition: 'w.station_id = $1' },
      { name: 'stream', type: 'text', condition: 'w.stream = $1' },
    ],
    location: { latitude: 's.latitude', longitude: 's.longitude' },
    time: 'w.collected_at',
    asOf: 'w.recorded_at',
    accrualPeriodicity: 'continuous',
  },
];
