import type { DataSource } from 'typeorm';
import type { DatasetDefinition, ExportFilterValues } from '#platform/exports/definition';
import { Granularity, granularityNamed } from '#platform/time-buckets';
import { WASTE_STREAMS, type WasteStream } from '#waste/waste-stream';
import {
  arrondissementColumn,
  computedColumn,
  computedParameter,
  oneOfParameter,
  provenanceColumn,
  validateArrondissementParameter,
} from '../catalog-helpers';

const arrondissement = (column: string): DatasetDefinition['filters'][number] => ({
  name: 'arrondissement',
  type: 'integer',
  condition: `${column} = $1`,
  validate: validateArrondissementParameter,
});

const WASTE_LEDGER = ['trilib-pilot', 'glass-columns', 'tri-mobile', 'trilib-stations'];

function validateTime(name: string) {
  return (value: number | string | boolean) =>
    Number.isNaN(new Date(String(value)).getTime())
      ? `\`${name}\` must be an ISO 8601 date or time`
      : undefined;
}

/** `?streams=GLASS,TEXTILE`: the export's spelling of the GraphQL list. */
function streamsOf(value: number | string | boolean | undefined): WasteStream[] | null {
  return value === undefined ? null : (String(value).split(',') as WasteStream[]);
}

function validateStreams(value: number | string | boolean): string | undefined {
  const unknown = (streamsOf(value) ?? []).filter((stream) => !WASTE_STREAMS.includes(stream));
  return unknown.length > 0
    ? `\`streams\` takes comma-separated streams among ${WASTE_STREAMS.join(', ')} (unknown: ${unknown.join(', ')})`
    : undefined;
}

/**
 * The same figures as `Query.wasteStreamStatistics`, from the same service. Without `since` and
 * `until` the export covers the whole history, and without `granularity` it is by month.
 */
async function wasteStreamStatistics(
  db: DataSource,
  filters: ExportFilterValues,
): Promise<Record<string, unknown>[]> {
  const { StreamStatisticsService } =
    await import('#waste/modules/stream-statistics/stream-statistics.service');
  const { DEFAULT_MAX_FILLING_LEVEL } = await import('#waste/modules/station/station.input');
  const service = new StreamStatisticsService(db);
  const history = filters.since === undefined || filters.until === undefined ? await service.history() : null;
  const since = filters.since === undefined ? history?.since : new Date(String(filters.since));
  const until = filters.until === undefined ? history?.until : new Date(String(filters.until));
  if (!since || !until) return [];
  const granularity = granularityNamed(String(filters.granularity ?? 'MONTH')) ?? Granularity.MONTH;
  const threshold = typeof filters.threshold === 'number' ? filters.threshold : DEFAULT_MAX_FILLING_LEVEL;
  const rows = await service.statistics({
    since,
    until,
    granularity,
    arrondissement: typeof filters.arrondissement === 'number' ? filters.arrondissement : null,
    stationId: filters.stationId === undefined ? null : String(filters.stationId),
    streams: streamsOf(filters.streams),
    threshold,
  });
  return rows.map((row) => ({
    stream: row.stream,
    start: row.start,
    granularity: granularity.toUpperCase(),
    observations: row.observations,
    average_filling_level: row.averageFillingLevel,
    minimum_filling_level: row.minimumFillingLevel,
    maximum_filling_level: row.maximumFillingLevel,
    share_at_or_above_threshold: row.shareAtOrAboveThreshold,
    threshold,
    collections: row.collections,
    collected_weight_kg: row.collectedWeightKg,
    mean_hours_between_collections: row.meanHoursBetweenCollections,
  }));
}

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
      arrondissementColumn('s.arrondissement_code'),
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
      provenanceColumn('s.provenance'),
    ],
    key: { sql: 's.id', type: 'text' },
    filters: [
      arrondissement('s.arrondissement_code'),
      { name: 'category', type: 'text', condition: 's.category = $1' },
      { name: 'stream', type: 'text', condition: '$1 = ANY(s.accepted_streams)' },
    ],
    location: { latitude: 's.latitude', longitude: 's.longitude' },
    search: 's.search_document',
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
      arrondissementColumn('s.arrondissement_code'),
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
      provenanceColumn('o.provenance'),
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
      arrondissementColumn('s.arrondissement_code'),
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
      provenanceColumn('w.provenance'),
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
  {
    id: 'waste-stream-statistics',
    subgraph: 'waste',
    title: 'Waste fill levels and collections per stream and period',
    description:
      'Per waste stream and hour, day, week or month (Paris time): fill-level reports, their mean, minimum and ' +
      'maximum, the share at or above the alert threshold, collections, weight collected and mean time between ' +
      'collections of a station’s stream. The same figures as `wasteStreamStatistics`, with its filter names: ' +
      '`since`, `until`, `granularity` (HOUR, DAY, WEEK, MONTH), `arrondissement`, `stationId`, `streams` ' +
      '(comma-separated) and `threshold`. Without `since`/`until`, the whole history by month.',
    keywords: ['waste', 'fill level', 'collection', 'statistics', 'time series', 'zero waste'],
    themes: ['ENVI'],
    ledgerIds: WASTE_LEDGER,
    from: 'waste.filling_level_observation',
    compute: wasteStreamStatistics,
    columns: [
      computedColumn('stream', 'text', 'Waste stream'),
      computedColumn('start', 'timestamp', 'Start of the period (Paris calendar)'),
      computedColumn('granularity', 'text', 'HOUR, DAY, WEEK or MONTH'),
      computedColumn('observations', 'integer', 'Fill levels reported'),
      computedColumn('average_filling_level', 'double', 'Mean fill level, 0 to 1'),
      computedColumn('minimum_filling_level', 'double', 'Lowest fill level'),
      computedColumn('maximum_filling_level', 'double', 'Highest fill level'),
      computedColumn(
        'share_at_or_above_threshold',
        'double',
        'Share of the reports at or above the threshold',
      ),
      computedColumn('threshold', 'double', 'The alert threshold, 0 to 1'),
      computedColumn('collections', 'integer', 'Collections'),
      computedColumn('collected_weight_kg', 'double', 'Weight collected, kg'),
      computedColumn(
        'mean_hours_between_collections',
        'double',
        'Mean hours since the previous collection of the same stream at the same station',
      ),
    ],
    key: { sql: 'id', type: 'bigint' },
    filters: [
      computedParameter('since', 'text', validateTime('since')),
      computedParameter('until', 'text', validateTime('until')),
      computedParameter('granularity', 'text', oneOfParameter('granularity', Object.keys(Granularity))),
      computedParameter('arrondissement', 'integer', validateArrondissementParameter),
      computedParameter('stationId', 'text'),
      computedParameter('streams', 'text', validateStreams),
      computedParameter('threshold', 'double', (value) =>
        typeof value === 'number' && value > 0 && value <= 1
          ? undefined
          : '`threshold` must be a level above 0 and at most 1',
      ),
    ],
    accrualPeriodicity: 'continuous',
  },
];
