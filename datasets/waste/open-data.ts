import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { ImportError } from '#platform/ingestion';

/**
 * Reading the Opendatasoft exports of the waste datasets: the v1 JSON export (an array of
 * `{ recordid, fields, geometry, record_timestamp }`) and the `;`-separated CSV export. Rows are
 * numbered from 1 in file order (the CSV header is not a row), as a person fixing the file counts.
 */

/** Paris and its two woods, with a margin: a point outside is a swapped or broken coordinate. */
const PARIS_AREA = { south: 48.8, north: 48.91, west: 2.22, east: 2.48 };

/** One record's values, read with the row and column named in every complaint. Column names are matched case-insensitively (the JSON export lower-cases them). */
export class RecordReader {
  private readonly values = new Map<string, unknown>();

  constructor(
    readonly file: string,
    readonly row: number,
    values: Record<string, unknown>,
  ) {
    for (const [name, value] of Object.entries(values)) this.values.set(name.toLowerCase(), value);
  }

  fail(column: string, problem: string): never {
    throw new ImportError(this.file, this.row, column, problem);
  }

  private raw(column: string): unknown {
    const value = this.values.get(column.toLowerCase());
    return typeof value === 'string' && value.trim() === '' ? undefined : (value ?? undefined);
  }

  optionalText(column: string): string | null {
    const value = this.raw(column);
    if (value === undefined) return null;
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number') return String(value);
    return this.fail(column, `expected a text, found ${JSON.stringify(value)}`);
  }

  text(column: string): string {
    return this.optionalText(column) ?? this.fail(column, 'missing value');
  }

  optionalNumber(column: string): number | null {
    const value = this.raw(column);
    if (value === undefined) return null;
    const number =
      typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(',', '.')) : NaN;
    if (!Number.isFinite(number))
      return this.fail(column, `expected a number, found ${JSON.stringify(value)}`);
    return number;
  }

  number(column: string): number {
    return this.optionalNumber(column) ?? this.fail(column, 'missing value');
  }

  optionalDate(column: string): Date | null {
    const value = this.optionalText(column);
    if (value === null) return null;
    const date = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
      return this.fail(column, `expected an ISO 8601 date, found ${JSON.stringify(value)}`);
    }
    return date;
  }

  date(column: string): Date {
    return this.optionalDate(column) ?? this.fail(column, 'missing value');
  }

  /** A `[latitude, longitude]` pair (JSON export) or a `"latitude, longitude"` text (CSV export), in Paris. */
  point(column: string): { latitude: number; longitude: number } {
    const value = this.raw(column);
    const pair = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(',').map((part) => part.trim())
        : [];
    const [latitude, longitude] = pair.map(Number);
    if (pair.length !== 2 || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      return this.fail(column, `expected "latitude, longitude", found ${JSON.stringify(value ?? null)}`);
    }
    const inParis =
      latitude >= PARIS_AREA.south &&
      latitude <= PARIS_AREA.north &&
      longitude >= PARIS_AREA.west &&
      longitude <= PARIS_AREA.east;
    if (!inParis) return this.fail(column, `the point ${latitude}, ${longitude} is not in Paris`);
    return { latitude, longitude };
  }
}

export interface OpendatasoftRecord {
  reader: RecordReader;
  recordId: string;
  recordTimestamp: Date | null;
}

export interface ReadFile<T> {
  file: string;
  records: T[];
  checksum: string;
}

const checksumOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The position (from 1) of the first element of a top-level JSON array that does not parse, or
 * that the file ends in the middle of. JSON.parse names no position for a truncated file.
 */
export function failingJsonElement(text: string): number {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  let index = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      depth += 1;
      if (depth === 2) {
        start = i;
        index += 1;
      }
    } else if (char === '}' || char === ']') {
      if (depth === 2) {
        try {
          JSON.parse(text.slice(start, i + 1));
        } catch {
          return index;
        }
      }
      depth -= 1;
    }
  }
  return index;
}

/** The records of an Opendatasoft v1 JSON export; a broken file is refused with the failing record named. */
export async function readOpendatasoftJson(
  directory: string,
  file: string,
): Promise<ReadFile<OpendatasoftRecord>> {
  const text = await readFile(path.join(directory, file), 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportError(
      file,
      failingJsonElement(text),
      '(JSON syntax)',
      `not valid JSON (${(error as Error).message})`,
    );
  }
  if (!Array.isArray(parsed))
    throw new ImportError(file, 0, '(file)', 'expected an array of records (Opendatasoft JSON export)');
  const records = parsed.map((entry: unknown, index): OpendatasoftRecord => {
    const row = index + 1;
    const record = (entry ?? {}) as { recordid?: unknown; fields?: unknown; record_timestamp?: unknown };
    if (typeof record.fields !== 'object' || record.fields === null)
      throw new ImportError(file, row, 'fields', 'missing record fields');
    if (typeof record.recordid !== 'string' || record.recordid === '')
      throw new ImportError(file, row, 'recordid', 'missing record id');
    const envelope = new RecordReader(file, row, { record_timestamp: record.record_timestamp });
    return {
      reader: new RecordReader(file, row, record.fields as Record<string, unknown>),
      recordId: record.recordid,
      recordTimestamp: envelope.optionalDate('record_timestamp'),
    };
  });
  return { file, records, checksum: checksumOf(text) };
}

/** The rows of an Opendatasoft `;`-separated CSV export (BOM and CRLF tolerated). */
export async function readOpendatasoftCsv(directory: string, file: string): Promise<ReadFile<RecordReader>> {
  const text = await readFile(path.join(directory, file), 'utf8');
  let rows: Record<string, string>[];
  try {
    rows = parseCsv<Record<string, string>>(text, {
      delimiter: ';',
      bom: true,
      columns: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    const records = (error as { records?: number }).records ?? 0;
    throw new ImportError(file, records + 1, '(CSV syntax)', (error as Error).message);
  }
  return {
    file,
    records: rows.map((values, index) => new RecordReader(file, index + 1, values)),
    checksum: checksumOf(text),
  };
}
