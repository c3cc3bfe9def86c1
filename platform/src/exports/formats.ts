import { stringify } from 'csv-stringify/sync';
import type { ExportColumn, ExportFormat } from './definition';
import type { CsvOptions } from './request';
import type { ByteSink, ExportRow, FormatWriter } from './writer';
import { xlsxWriter } from './xlsx';

function plainValue(column: ExportColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (column.type === 'bigint') {
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : String(value);
  }
  if (column.type === 'double' || column.type === 'integer')
    return typeof value === 'number' ? value : Number(value);
  return value;
}

function csvWriter(sink: ByteSink, columns: ExportColumn[], options: CsvOptions): FormatWriter {
  return {
    async begin() {
      const header = stringify([columns.map((column) => column.name)], { delimiter: options.delimiter });
      await sink.write(options.bom ? `\uFEFF${header}` : header);
    },
    async rows(batch) {
      const records = batch.map((row) =>
        columns.map((column) => {
          const value = plainValue(column, row[column.name]);
          if (value === null) return '';
          return typeof value === 'object' ? JSON.stringify(value) : String(value);
        }),
      );
      await sink.write(stringify(records, { delimiter: options.delimiter }));
    },
    async end() {},
  };
}

function properties(columns: ExportColumn[], row: ExportRow): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const column of columns) result[column.name] = plainValue(column, row[column.name]);
  return result;
}

function ndjsonWriter(sink: ByteSink, columns: ExportColumn[]): FormatWriter {
  return {
    async begin() {},
    async rows(batch) {
      await sink.write(batch.map((row) => `${JSON.stringify(properties(columns, row))}\n`).join(''));
    },
    async end() {},
  };
}

/**
 * RFC 7946: a FeatureCollection in WGS 84 longitude/latitude order, no `crs` member. A row with a
 * shape of its own (an area's boundary, selected as `__shape`) is that Polygon or MultiPolygon;
 * any other row is the Point of its location.
 */
function geojsonWriter(sink: ByteSink, columns: ExportColumn[]): FormatWriter {
  let first = true;
  return {
    async begin() {
      await sink.write('{"type":"FeatureCollection","features":[');
    },
    async rows(batch) {
      const features = batch.map((row) => {
        const latitude = row.__latitude as number | null;
        const longitude = row.__longitude as number | null;
        const shape = row.__shape as Record<string, unknown> | null | undefined;
        const geometry =
          shape ??
          (latitude === null || longitude === null
            ? null
            : { type: 'Point', coordinates: [longitude, latitude] });
        const text = JSON.stringify({ type: 'Feature', geometry, properties: properties(columns, row) });
        const separator = first ? '' : ',';
        first = false;
        return separator + text;
      });
      await sink.write(features.join(''));
    },
    async end() {
      await sink.write(']}\n');
    },
  };
}

type ParquetModule = typeof import('hyparquet-writer');
type SchemaElement = ReturnType<ParquetModule['schemaFromColumnData']>[number];

function parquetElement(column: ExportColumn): SchemaElement {
  const name = column.name;
  const repetition_type = 'OPTIONAL' as const;
  switch (column.type) {
    case 'text':
      return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type };
    case 'json':
      return { name, type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type };
    case 'integer':
      return { name, type: 'INT32', repetition_type };
    case 'bigint':
      return { name, type: 'INT64', repetition_type };
    case 'double':
      return { name, type: 'DOUBLE', repetition_type };
    case 'boolean':
      return { name, type: 'BOOLEAN', repetition_type };
    case 'timestamp':
      return {
        name,
        type: 'INT64',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
        repetition_type,
      };
    case 'date':
      return { name, type: 'INT32', converted_type: 'DATE', repetition_type };
  }
}

function parquetValue(column: ExportColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'bigint':
      // Kept as text until the group is encoded (see `encodable`), a BigInt only briefly.
      return String(value);
    case 'integer':
    case 'double':
      return Number(value);
    case 'date':
      return new Date(`${String(value)}T00:00:00Z`);
    case 'timestamp':
      // Epoch milliseconds (selected so for Parquet): a row group holds no Date objects.
      return value instanceof Date ? value.getTime() : Number(value);
    case 'json':
      return JSON.stringify(value);
    default:
      return value;
  }
}

/**
 * Rows per Parquet row group. hyparquet-writer encodes a row group from whole column arrays, so
 * this bounds the exporting process's memory; readers such as DuckDB still get groups large
 * enough to scan in parallel.
 */
export const PARQUET_ROW_GROUP_ROWS = 10_000;

/**
 * Parquet with typed columns (timestamps as UTC timestamps, numbers as numbers). Rows are kept as
 * converted column values, not row objects, until a row group is full; each group is flushed to
 * the sink as soon as it is encoded: the file is never held whole.
 */
async function parquetWriter(
  sink: ByteSink,
  columns: ExportColumn[],
  metadata: Record<string, string>,
  rowGroupRows = PARQUET_ROW_GROUP_ROWS,
): Promise<FormatWriter> {
  const { ParquetWriter, ByteWriter } = (await import('hyparquet-writer')) as ParquetModule;
  const bytes = new ByteWriter();
  const flushed = async () => {
    if (bytes.index === 0) return;
    const chunk = new Uint8Array(bytes.buffer.slice(0, bytes.index));
    bytes.index = 0;
    await sink.write(chunk);
  };
  const writer = new ParquetWriter({
    writer: Object.assign(bytes, { flush: flushed, finish: flushed }),
    schema: [{ name: 'root', num_children: columns.length }, ...columns.map(parquetElement)],
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: 'Open City Graph',
  });
  let group: unknown[][] = columns.map(() => []);
  // Repeated texts (kinds, units, meter ids…) held once per group: fewer objects outlive a batch.
  let texts = columns.map(() => new Map<string, string>());
  let count = 0;
  const encodable = (column: ExportColumn, values: unknown[]) =>
    column.type === 'bigint'
      ? values.map((value) => (value === null ? null : BigInt(value as string)))
      : values;
  const writeGroup = async () => {
    if (count === 0) return;
    const data = group;
    group = columns.map(() => []);
    texts = columns.map(() => new Map<string, string>());
    count = 0;
    await writer.write({
      columnData: columns.map((column, index) => ({
        name: column.name,
        data: encodable(column, data[index]),
      })),
      rowGroupSize: data[0].length,
    });
  };
  return {
    async begin() {},
    async rows(batch) {
      for (const row of batch) {
        for (let index = 0; index < columns.length; index += 1) {
          const value = parquetValue(columns[index], row[columns[index].name]);
          if (columns[index].type !== 'text' || typeof value !== 'string') {
            group[index].push(value);
            continue;
          }
          const seen = texts[index].get(value);
          if (seen === undefined) texts[index].set(value, value);
          group[index].push(seen ?? value);
        }
        count += 1;
        if (count >= rowGroupRows) await writeGroup();
      }
    },
    async end() {
      await writeGroup();
      await writer.finish();
    },
  };
}

export async function createFormatWriter(
  format: ExportFormat,
  sink: ByteSink,
  columns: ExportColumn[],
  options: { csv: CsvOptions; metadata: Record<string, string> },
): Promise<FormatWriter> {
  switch (format) {
    case 'csv':
      return csvWriter(sink, columns, options.csv);
    case 'ndjson':
      return ndjsonWriter(sink, columns);
    case 'geojson':
      return geojsonWriter(sink, columns);
    case 'parquet':
      return parquetWriter(sink, columns, options.metadata);
    case 'xlsx':
      return xlsxWriter(sink, columns, options.metadata);
  }
}
