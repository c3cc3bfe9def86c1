import { escapeIdentifier, escapeLiteral } from 'pg';
import type { ExportColumn } from './definition';

/**
 * A float8 printed as JavaScript's `String(number)` prints it, which the streamed CSV has always
 * used. Both print the shortest round-trip digits, in the same fixed notation from 1e-4 to 1e15:
 * the common case, one float8out. Beyond, PostgreSQL switches to exponent form where JavaScript
 * keeps fixed notation down to 1e-6 and up to 1e21, pads the exponent to two digits, and keeps the
 * sign of -0.
 */
function doubleText(sql: string): string {
  const value = `(${sql})::float8`;
  return `CASE WHEN abs(${value}) >= float8 '1e-4' AND abs(${value}) < float8 '1e15' THEN ${value}::text
    WHEN ${value} = 0 THEN '0'
    WHEN abs(${value}) >= float8 '1e-6' AND abs(${value}) < float8 '1e21' THEN ${value}::text::numeric::text
    ELSE regexp_replace(${value}::text, 'e([+-])0+(\\d)', 'e\\1\\2') END`;
}

/** A column as the JavaScript CSV writer formats it (see `plainValue` in formats.ts). */
export function csvExpression(column: ExportColumn): string {
  switch (column.type) {
    case 'text':
      // csv-stringify writes an empty string and null alike, where COPY would quote the empty one.
      return `nullif((${column.sql})::text, '')`;
    case 'integer':
    case 'bigint':
      return `(${column.sql})`;
    case 'double':
      return doubleText(column.sql);
    case 'boolean':
      return `(${column.sql})::boolean::text`;
    case 'timestamp':
      // Date.prototype.toISOString: UTC, milliseconds, `Z`; both truncate microseconds.
      return `to_char((${column.sql})::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'date':
      return `(${column.sql})::text`;
    case 'json':
      throw new Error(`${column.name}: JSON columns are written by the JavaScript CSV path`);
  }
}

/**
 * One `COPY (SELECT …) TO STDOUT` producing, byte for byte, the CSV the JavaScript writer produces
 * for the same request: PostgreSQL's CSV quoting (delimiter, quote, CR, LF) and header are the same
 * as csv-stringify's. `where` holds the request's conditions with values already quoted.
 */
export function copyCsvStatement(options: {
  dataset: string;
  columns: ExportColumn[];
  from: string;
  where: string;
  orderBy: string;
  delimiter: string;
}): string {
  const select = options.columns
    .map((column) => `${csvExpression(column)} AS ${escapeIdentifier(column.name)}`)
    .join(', ');
  // Named up front: pg_stat_activity keeps only the first 1 kB of a statement, all column expressions here.
  return (
    `/* export ${options.dataset.replace(/[^a-z0-9-]/g, '')} */ COPY (SELECT ${select} FROM ${options.from} ${options.where} ORDER BY ${options.orderBy}) ` +
    `TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ${escapeLiteral(options.delimiter)})`
  );
}
