import { escapeIdentifier, escapeLiteral } from 'pg';
import { MAX_RADIUS_METERS } from '../geo';
import { searchSql, validateSearch } from '../search';
import { validateWithin, withinSql, type WithinInput } from '../within';
import { copyCsvStatement } from './copy';
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
  /**
   * For CSV of a selected dataset: the same rows as `query` as one `COPY … TO STDOUT` statement,
   * values inlined as quoted literals (COPY takes no bind parameters).
   */
  copy?: string;
  /** The validated values of the dataset's own filters, by parameter name. */
  filterValues: ExportFilterValues;
  csv: CsvOptions;
}

const RESERVED = new Set([
  'columns',
  'near',
  'bbox',
  'within',
  'search',
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

/** `within=arrondissement:17`, `within=district:<id>` or `within=<GeoJSON Polygon>`, as the GraphQL input. */
function withinOf(text: string): WithinInput {
  const [kind, value] = [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)];
  if (kind === 'arrondissement') return { arrondissement: Number(value) };
  if (kind === 'district') return { districtId: value };
  if (text.trim().startsWith('{')) {
    try {
      return { polygon: JSON.parse(text) as Record<string, unknown> };
    } catch {
      // Reported below with the other forms.
    }
  }
  throw new ExportRequestError(
    'within',
    '`within` is arrondissement:<1–20>, district:<id> or a GeoJSON Polygon',
  );
}

/** The GraphQL validators' refusals, as refusals of an export parameter (HTTP 400). */
function refusedAs<T>(parameter: string, validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (error instanceof ExportRequestError) throw error;
    throw new ExportRequestError(parameter, (error as Error).message);
  }
}

/** Renders a value into the statement: a `$n` placeholder, or a quoted literal for COPY. */
type Bind = (value: number | string | boolean) => string;
type Condition = (bind: Bind) => string;

/**
 * An untyped quoted literal, so PostgreSQL infers its type from where it stands exactly as it
 * does for an untyped bind parameter (`'17'` compared with an integer column is an integer).
 */
const literal: Bind = (value) => escapeLiteral(String(value));

function timeOf(parameter: string, text: string): string {
  const time = new Date(text);
  if (Number.isNaN(time.getTime()))
    throw new ExportRequestError(parameter, `\`${parameter}\` must be an ISO 8601 date or time`);
  return time.toISOString();
}

/**
 * The parameters `parseExportRequest` takes for a dataset, as the catalog lists them (`filters`):
 * its own filters, `near`, `bbox` and `within` where rows have a location, `search` where they have
 * a text document, `from`/`to` on a time column, `asOf` where history is kept, `columns` and `after`.
 */
export function exportParameters(definition: DatasetDefinition): string[] {
  const parameters = [
    ...definition.filters.map((filter) => filter.name),
    ...(definition.location ? ['near', 'bbox', 'within'] : []),
    ...(definition.search ? ['search'] : []),
    ...(definition.time ? ['from', 'to'] : []),
    ...(definition.asOf ? ['asOf'] : []),
    'columns',
    'after',
  ];
  return [...new Set(parameters)];
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
  const conditions: Condition[] = [];
  if (definition.where) conditions.push(() => `(${definition.where})`);
  const filterValues: ExportFilterValues = {};

  // A dataset's own filter of a reserved name is that filter: training-outcomes has no text
  // document and takes `search` to select courses as `trainingOutcomes` does.
  const own = new Set(definition.filters.map((filter) => filter.name));
  for (const [name, raw] of search) {
    if (RESERVED.has(name) && !own.has(name)) continue;
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
    // PostgreSQL refuses NUL in text whichever way it arrives: a 400, not a failed export.
    if (raw.includes('\0')) throw new ExportRequestError(name, `\`${name}\` must not contain NUL`);
    const problem = filter.validate?.(value);
    if (problem) throw new ExportRequestError(name, problem);
    filterValues[name] = value;
    const filterValue = value;
    conditions.push((bind) => `(${filter.condition.replaceAll('$1', bind(filterValue))})`);
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
    conditions.push((bind) => {
      const centre = `ll_to_earth(${bind(latitude)}, ${bind(longitude)})`;
      const meters = bind(radius);
      return `earth_box(${centre}, ${meters}) @> ${point} AND earth_distance(${centre}, ${point}) <= ${meters}`;
    });
  }
  if (bbox && definition.location) {
    const [south, west, north, east] = numbersOf('bbox', bbox, 4);
    if (!(south <= north && west <= east))
      throw new ExportRequestError(
        'bbox',
        '`bbox` is south,west,north,east with south <= north and west <= east',
      );
    const { latitude, longitude } = definition.location;
    conditions.push(
      (bind) =>
        `${latitude} BETWEEN ${bind(south)} AND ${bind(north)} AND ${longitude} BETWEEN ${bind(west)} AND ${bind(east)}`,
    );
  }
  const within = search.get('within');
  if (within !== null) {
    const location = definition.location;
    if (!location) throw new ExportRequestError('within', `${definition.id} has no location`);
    const area = refusedAs('within', () => validateWithin(withinOf(within), 'within'));
    conditions.push((bind) => withinSql(area, location.latitude, location.longitude, bind));
  }
  const words = search.get('search');
  if (words !== null && !own.has('search')) {
    const document = definition.search;
    if (!document) throw new ExportRequestError('search', `${definition.id} has no text to search`);
    const text = refusedAs('search', () => validateSearch(words, 'search') as string);
    conditions.push((bind) => searchSql(document, bind(text)));
  }
  for (const bound of ['from', 'to'] as const) {
    const text = search.get(bound);
    if (!text) continue;
    const time = definition.time;
    if (!time) throw new ExportRequestError(bound, `${definition.id} has no time column`);
    const instant = timeOf(bound, text);
    conditions.push((bind) => `${time} ${bound === 'from' ? '>=' : '<'} ${bind(instant)}`);
  }
  const asOf = search.get('asOf');
  if (asOf) {
    const recorded = definition.asOf;
    if (!recorded)
      throw new ExportRequestError('asOf', `${definition.id} does not keep history, so it has no asOf`);
    const time = timeOf('asOf', asOf);
    if (new Date(time).getTime() > Date.now())
      throw new ExportRequestError('asOf', '`asOf` is in the future');
    conditions.push((bind) => `${recorded} <= ${bind(time)}`);
  }
  const after = search.get('after');
  if (after !== null) {
    let key: string | number = after;
    if (definition.key.type !== 'text') {
      key = Number(after);
      if (!Number.isInteger(key))
        throw new ExportRequestError('after', '`after` must be the key of the last row received');
    } else if (after.includes('\0')) {
      throw new ExportRequestError('after', '`after` must not contain NUL');
    }
    const afterKey = key;
    conditions.push((bind) => `${definition.key.sql} > ${bind(afterKey)}`);
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

  const parameters: unknown[] = [];
  const placeholder: Bind = (value) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const whereWith = (bind: Bind) => {
    const rendered = conditions.map((condition) => condition(bind));
    return rendered.length > 0 ? `WHERE ${rendered.join(' AND ')}` : '';
  };
  // Dates travel as text so no time zone shifts them; the writers type them again. Parquet and
  // XLSX take timestamps as epoch milliseconds (what a JS Date would hold), sparing a Date parse
  // per value.
  const expression = (column: ExportColumn) => {
    if (column.type === 'date') return `(${column.sql})::text`;
    if (column.type === 'timestamp' && (format === 'parquet' || format === 'xlsx'))
      return `floor(extract(epoch FROM (${column.sql})) * 1000)::float8`;
    return column.sql;
  };
  const select = columns.map((column) => `${expression(column)} AS ${escapeIdentifier(column.name)}`);
  if (definition.location && format === 'geojson') {
    select.push(
      `${definition.location.latitude} AS "__latitude"`,
      `${definition.location.longitude} AS "__longitude"`,
    );
    if (definition.location.shape) select.push(`${definition.location.shape} AS "__shape"`);
  }
  select.push(`${definition.key.sql} AS "__key"`);
  const csv = { delimiter: delimiters[delimiter], bom: bom === 'true' };
  // COPY writes JSON as PostgreSQL prints it, not as JSON.stringify does: such columns keep the JS path.
  const copyable =
    format === 'csv' && !definition.compute && columns.every((column) => column.type !== 'json');
  return {
    format: format as ExportFormat,
    query: {
      sql: `SELECT ${select.join(', ')} FROM ${definition.from} ${whereWith(placeholder)} ORDER BY ${definition.key.sql}`,
      parameters,
      columns,
    },
    ...(copyable
      ? {
          copy: copyCsvStatement({
            dataset: definition.id,
            columns,
            from: definition.from,
            where: whereWith(literal),
            orderBy: definition.key.sql,
            delimiter: csv.delimiter,
          }),
        }
      : {}),
    filterValues,
    csv,
  };
}
