import { MAX_RADIUS_METERS } from '../geo';
import {
  EXPORT_FORMATS,
  type DatasetDefinition,
  type ExportColumn,
  type ExportFilterValues,
  type ExportFormat,
} from './definition';

/** A rejected export request: HTTP 400 naming the parameter at fault. */
export class ExportRequestError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ExportQuery {
  sql: string;
  parameters: unknown[];
  columns: ExportColumn[];
}

export interface CsvOptions {
  delimiter: string;
  bom: boolean;
}

export interface ParsedExportRequest {
  format: ExportFormat;
  query: ExportQuery;
  /** The validated values of the dataset's own filters, by parameter name. */
  filterValues: ExportFilterValues;
  csv: CsvOptions;
}

const RESERVED = new Set([
  'format',
  'columns',
  'near',
  'bbox',
  'from',
  'to',
  'after',
  'asOf',
  'delimiter',
  'bom',
]);

function numbersOf(parameter: string, text: string, count: number): number[] {
  const values = text.split(',').map(Number);
  if (values.length !== count || values.some((value) => !Number.isFinite(value))) {
    throw new ExportRequestError(parameter, `\`${parameter}\` takes ${count} comma-separated numbers`);
  }
  return values;
}

function timeOf(parameter: string, text: string): string {
  const time = new Date(text);
  if (Number.isNaN(time.getTime()))
    throw new ExportRequestError(parameter, `\`${parameter}\` must be an ISO 8601 date or time`);
  return time.toISOString();
}

/**
 * Turns `/datasets/<id>.<format>?…` parameters into one parameterised SQL statement: the same
 * filter names as the GraphQL fields, plus `near`, `bbox`, `from`/`to`, `columns`, `after` (resume
 * after a key) and `asOf` (rows as they were at that time). Anything unknown or malformed is refused.
 */
export function parseExportRequest(
  definition: DatasetDefinition,
  format: string,
  search: URLSearchParams,
): ParsedExportRequest {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ExportRequestError(
      'format',
      `Unknown format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}`,
    );
  }
  if (format === 'geojson' && !definition.location) {
    throw new ExportRequestError('format', `${definition.id} has no location, so no GeoJSON distribution`);
  }
  const parameters: unknown[] = [];
  const bind = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const conditions: string[] = definition.where ? [`(${definition.where})`] : [];
  const filterValues: ExportFilterValues = {};

  for (const [name, raw] of search) {
    if (RESERVED.has(name)) continue;
    const filter = definition.filters.find((candidate) => candidate.name === name);
    if (!filter) {
      const known = [...definition.filters.map((candidate) => candidate.name), ...RESERVED].join(', ');
      throw new ExportRequestError(
        name,
        `Unknown parameter \`${name}\` for ${definition.id}; known: ${known}`,
      );
    }
    let value: number | string | boolean = raw;
    if (filter.type === 'integer' || filter.type === 'double') {
      value = Number(raw);
      if (!Number.isFinite(value) || (filter.type === 'integer' && !Number.isInteger(value))) {
        throw new ExportRequestError(
          name,
          `\`${name}\` must be ${filter.type === 'integer' ? 'an integer' : 'a number'}`,
        );
      }
    } else if (filter.type === 'boolean') {
      if (raw !== 'true' && raw !== 'false')
        throw new ExportRequestError(name, `\`${name}\` must be true or false`);
      value = raw === 'true';
    }
    const problem = filter.validate?.(value);
    if (problem) throw new ExportRequestError(name, problem);
    filterValues[name] = value;
    conditions.push(`(${filter.condition.replaceAll('$1', bind(value))})`);
  }

  const near = search.get('near');
  const bbox = search.get('bbox');
  if ((near || bbox) && !definition.location)
    throw new ExportRequestError(near ? 'near' : 'bbox', `${definition.id} has no location`);
  if (near && definition.location) {
    const [latitude, longitude, radius] = numbersOf('near', near, 3);
    if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
      throw new ExportRequestError('near', '`near` latitude must be within ±90 and longitude within ±180');
    }
    if (!(radius >= 1 && radius <= MAX_RADIUS_METERS)) {
      throw new ExportRequestError(
        'near',
        `\`near\` radius must be between 1 and ${MAX_RADIUS_METERS} metres`,
      );
    }
    const point = `ll_to_earth(${definition.location.latitude}, ${definition.location.longitude})`;
    const centre = `ll_to_earth(${bind(latitude)}, ${bind(longitude)})`;
    const meters = bind(radius);
    conditions.push(
      `earth_box(${centre}, ${meters}) @> ${point} AND earth_distance(${centre}, ${point}) <= ${meters}`,
    );
  }
  if (bbox && definition.location) {
    const [south, west, north, east] = numbersOf('bbox', bbox, 4);
    if (!(south <= north && west <= east))
      throw new ExportRequestError(
        'bbox',
        '`bbox` is south,west,north,east with south <= north and west <= east',
      );
    conditions.push(
      `${definition.location.latitude} BETWEEN ${bind(south)} AND ${bind(north)} AND ${definition.location.longitude} BETWEEN ${bind(west)} AND ${bind(east)}`,
    );
  }
  for (const bound of ['from', 'to'] as const) {
    const text = search.get(bound);
    if (!text) continue;
    if (!definition.time) throw new ExportRequestError(bound, `${definition.id} has no time column`);
    conditions.push(`${definition.time} ${bound === 'from' ? '>=' : '<'} ${bind(timeOf(bound, text))}`);
  }
  const asOf = search.get('asOf');
  if (asOf) {
    if (!definition.asOf)
      throw new ExportRequestError('asOf', `${definition.id} does not keep history, so it has no asOf`);
    const time = timeOf('asOf', asOf);
    if (new Date(time).getTime() > Date.now())
      throw new ExportRequestError('asOf', '`asOf` is in the future');
    conditions.push(`${definition.asOf} <= ${bind(time)}`);
  }
  const after = search.get('after');
  if (after !== null) {
    let key: string | number = after;
    if (definition.key.type !== 'text') {
      key = Number(after);
      if (!Number.isInteger(key))
        throw new ExportRequestError('after', '`after` must be the key of the last row received');
    }
    conditions.push(`${definition.key.sql} > ${bind(key)}`);
  }

  let columns = definition.columns;
  const selection = search.get('columns');
  if (selection) {
    const names = selection.split(',').map((name) => name.trim());
    const unknown = names.filter((name) => !definition.columns.some((column) => column.name === name));
    if (unknown.length > 0) {
      throw new ExportRequestError(
        'columns',
        `Unknown column(s) ${unknown.join(', ')}; available: ${definition.columns.map((column) => column.name).join(', ')}`,
      );
    }
    columns = names.map((name) => definition.columns.find((column) => column.name === name) as ExportColumn);
  }

  const delimiter = search.get('delimiter') ?? ',';
  const delimiters: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };
  if (!(delimiter in delimiters))
    throw new ExportRequestError('delimiter', '`delimiter` is one of , ; tab |');
  const bom = search.get('bom');
  if (bom !== null && bom !== 'true' && bom !== 'false')
    throw new ExportRequestError('bom', '`bom` must be true or false');

  // Dates travel as text so no time zone shifts them; the writers type them again.
  const select = columns.map(
    (column) => `${column.type === 'date' ? `(${column.sql})::text` : column.sql} AS "${column.name}"`,
  );
  if (definition.location && format === 'geojson') {
    select.push(
      `${definition.location.latitude} AS "__latitude"`,
      `${definition.location.longitude} AS "__longitude"`,
    );
  }
  select.push(`${definition.key.sql} AS "__key"`);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return {
    format: format as ExportFormat,
    query: {
      sql: `SELECT ${select.join(', ')} FROM ${definition.from} ${where} ORDER BY ${definition.key.sql}`,
      parameters,
      columns,
    },
    filterValues,
    csv: { delimiter: delimiters[delimiter], bom: bom === 'true' },
  };
}
