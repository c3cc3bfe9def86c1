import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import type { ExportColumn } from './definition';
import type { ByteSink, FormatWriter } from './writer';

/** Excel's limit of rows per worksheet, the header row included. */
export const XLSX_SHEET_ROWS = 1_048_576;

/** Excel's limit of characters in one cell. */
const CELL_CHARACTERS = 32_767;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Indexes into the cell formats of `STYLES`. */
const DATE_STYLE = 1;
const TIMESTAMP_STYLE = 2;
const HEADER_STYLE = 3;

const STYLES =
  `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>' +
  '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Days from Excel's day 0 (1899-12-30, counting its 1900 leap day) to the Unix epoch. */
const EXCEL_EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;
/** 1900-03-01: before it Excel's serial numbers are off by its phantom 29 February 1900. */
const FIRST_EXACT_SERIAL = 61;

/** One fixed time for every part, so the same rows make the same bytes. */
const PART_TIME = new Date(1980, 0, 1);

/** Deflate's fastest level: the sheet XML is repetitive enough to pack about tenfold even so. */
const LEVEL = 1;

const deflate = promisify(deflateRaw);

/**
 * One part of the workbook for fflate's ZIP writer, deflated by Node's zlib (native, off the main
 * thread) a chunk at a time. Each chunk is a deflate stream of its own ended by a sync flush, not
 * a final block, so the chunks and the last one (finished) read as one deflate stream.
 */
class DeflatedPart implements ZipInputFile {
  readonly compression = 8;
  readonly mtime = PART_TIME;
  crc = 0;
  size = 0;
  ondata: AsyncFlateStreamHandler = () => undefined;

  constructor(readonly filename: string) {}

  async push(data: Buffer, final = false): Promise<void> {
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    const deflated = await deflate(data, {
      level: LEVEL,
      finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    });
    this.ondata(null, deflated, final);
  }
}

function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (character) =>
    character === '&' ? '&amp;' : character === '<' ? '&lt;' : character === '>' ? '&gt;' : '&quot;',
  );
}

/** Characters XML 1.0 cannot carry. */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Anything a cell's text needs more than copying for. */
const NEEDS_CARE = /[&<>"_\u0000-\u001F\uFFFE\uFFFF]/;

/**
 * A text as SpreadsheetML stores it: cut at Excel's cell limit, characters XML cannot carry written
 * `_xHHHH_` (ECMA-376's escape, so an underscore that would read as one is escaped `_x005F_`),
 * then XML-escaped.
 */
function cellText(value: string): string {
  const text = value.length > CELL_CHARACTERS ? `${value.slice(0, CELL_CHARACTERS - 1)}…` : value;
  if (!NEEDS_CARE.test(text)) return text;
  return escapeXml(
    text
      .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
      .replace(
        NOT_IN_XML,
        (character) => `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
      ),
  );
}

/** Whether a text starts or ends with whitespace, which XML would drop without `xml:space`. */
function padded(text: string): boolean {
  return text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32;
}

function inlineString(reference: string, text: string, style = ''): string {
  const space = padded(text) ? ' xml:space="preserve"' : '';
  return `<c r="${reference}"${style} t="inlineStr"><is><t${space}>${cellText(text)}</t></is></c>`;
}

/** A time as Excel's serial day number, or null where Excel cannot show it as a date. */
function serialDay(milliseconds: number): number | null {
  const serial = milliseconds / DAY_MS + EXCEL_EPOCH_DAYS;
  return Number.isFinite(serial) && serial >= FIRST_EXACT_SERIAL ? serial : null;
}

function epochMilliseconds(value: unknown, date: boolean): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return Date.parse(date ? `${String(value)}T00:00:00Z` : String(value));
}

/** Writes one non-empty value of a column as a cell at `reference`. */
type CellWriter = (value: unknown, reference: string) => string;

/**
 * The cells of a column, typed once: numbers as numbers (a bigint past 2⁵³ and NaN/Infinity as
 * text, which a number cell would change), booleans as booleans, dates and timestamps as Excel
 * dates in UTC (text in ISO 8601 before March 1900), JSON as its text.
 */
function cellWriter(column: ExportColumn): CellWriter {
  switch (column.type) {
    case 'integer':
    case 'bigint':
    case 'double': {
      const safe = column.type === 'bigint' ? Number.isSafeInteger : Number.isFinite;
      return (value, reference) => {
        const number = typeof value === 'number' ? value : Number(value);
        return safe(number)
          ? `<c r="${reference}"><v>${number}</v></c>`
          : inlineString(reference, String(value));
      };
    }
    case 'boolean':
      return (value, reference) =>
        `<c r="${reference}" t="b"><v>${value === true || value === 'true' ? 1 : 0}</v></c>`;
    case 'date':
    case 'timestamp': {
      const date = column.type === 'date';
      const style = date ? DATE_STYLE : TIMESTAMP_STYLE;
      return (value, reference) => {
        const milliseconds = epochMilliseconds(value, date);
        const serial = serialDay(milliseconds);
        if (serial !== null) return `<c r="${reference}" s="${style}"><v>${serial}</v></c>`;
        const iso = Number.isNaN(milliseconds) ? String(value) : new Date(milliseconds).toISOString();
        return inlineString(reference, date ? iso.slice(0, 10) : iso);
      };
    }
    case 'json':
      return (value, reference) =>
        inlineString(reference, typeof value === 'object' ? JSON.stringify(value) : String(value));
    case 'text':
      return (value, reference) => inlineString(reference, String(value));
  }
}

/** A worksheet name Excel accepts: at most 31 characters, none of \ / ? * [ ] :, no edge apostrophe. */
export function sheetName(dataset: string, index: number): string {
  const base = dataset.replace(/[\\/?*[\]:]/g, '-').replace(/^'+|'+$/g, '') || 'data';
  const suffix = index === 0 ? '' : ` (${index + 1})`;
  return `${base.slice(0, 31 - suffix.length)}${suffix}`;
}

function columnWidth(column: ExportColumn): number {
  if (column.type === 'timestamp') return 20;
  if (column.type === 'date') return 12;
  return Math.min(50, Math.max(10, column.name.length + 2));
}

/**
 * XLSX (Office Open XML SpreadsheetML) written as rows arrive: each batch becomes the XML of its
 * rows, is deflated into the worksheet's ZIP entry (fflate writes the ZIP) and sent to the sink
 * before the next batch is read, so memory holds one batch whatever the size. The header row (the column names, bold) is
 * frozen with an autofilter; rows beyond Excel's 1,048,576 continue on further sheets, each with
 * its header. The workbook, its content types and properties (dataset, version, provenance) are
 * written last, when the sheets are known: a ZIP's parts may come in any order.
 */
export function xlsxWriter(
  sink: ByteSink,
  columns: ExportColumn[],
  metadata: Record<string, string>,
  sheetRows = XLSX_SHEET_ROWS,
): FormatWriter {
  const letters = columns.map((_, index) => columnLetters(index));
  const lastColumn = letters.at(-1) ?? 'A';
  const dataset = metadata.dataset ?? 'data';
  const sheets: { name: string; rows: number }[] = [];
  const writers = columns.map(cellWriter);
  let failure: unknown;
  let output: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else output.push(chunk);
  });
  let sheet: DeflatedPart | undefined;
  let rowsInSheet = 0;

  const flush = async () => {
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    if (output.length === 0) return;
    const chunks = output;
    output = [];
    await sink.write(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  };
  const entry = (name: string) => {
    const file = new DeflatedPart(name);
    zip.add(file);
    return file;
  };
  const part = (name: string, xml: string) => entry(name).push(Buffer.from(xml), true);

  const header =
    `<row r="1">` +
    columns
      .map((column, index) => inlineString(`${letters[index]}1`, column.name, ` s="${HEADER_STYLE}"`))
      .join('') +
    '</row>';
  const sheetHead =
    `${XML_DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>' +
    columns
      .map((column, index) => {
        const position = index + 1;
        return `<col min="${position}" max="${position}" width="${columnWidth(column)}" customWidth="1"/>`;
      })
      .join('') +
    `</cols><sheetData>${header}`;

  const openSheet = async () => {
    sheets.push({ name: sheetName(dataset, sheets.length), rows: 1 });
    sheet = entry(`xl/worksheets/sheet${sheets.length}.xml`);
    rowsInSheet = 1;
    await sheet.push(Buffer.from(sheetHead));
  };
  const closeSheet = async (rows: string) => {
    sheets[sheets.length - 1].rows = rowsInSheet;
    await sheet?.push(
      Buffer.from(`${rows}</sheetData><autoFilter ref="A1:${lastColumn}${rowsInSheet}"/></worksheet>`),
      true,
    );
  };

  return {
    async begin() {
      await openSheet();
      await flush();
    },
    async rows(batch) {
      let xml = '';
      for (const row of batch) {
        if (rowsInSheet >= sheetRows) {
          await closeSheet(xml);
          xml = '';
          await openSheet();
        }
        rowsInSheet += 1;
        xml += `<row r="${rowsInSheet}">`;
        // Null and empty text leave their cell out.
        for (let index = 0; index < columns.length; index += 1) {
          const value = row[columns[index].name];
          if (value !== null && value !== undefined && value !== '')
            xml += writers[index](value, letters[index] + rowsInSheet);
        }
        xml += '</row>';
      }
      if (xml) await sheet?.push(Buffer.from(xml));
      await flush();
    },
    async end() {
      await closeSheet('');
      const filters = sheets
        .map(
          (entry, index) =>
            `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">` +
            `'${escapeXml(entry.name)}'!$A$1:$${lastColumn}$${entry.rows}</definedName>`,
        )
        .join('');
      await part(
        'xl/workbook.xml',
        `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>` +
          sheets
            .map(
              (entry, index) =>
                `<sheet name="${escapeXml(entry.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
            )
            .join('') +
          `</sheets><definedNames>${filters}</definedNames></workbook>`,
      );
      await part(
        'xl/_rels/workbook.xml.rels',
        `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
          sheets
            .map(
              (_, index) =>
                `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
            )
            .join('') +
          `<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
      );
      await part('xl/styles.xml', STYLES);
      await part(
        'docProps/core.xml',
        `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
          `<dc:title>${escapeXml(dataset)}</dc:title><dc:identifier>${escapeXml(dataset)}</dc:identifier>` +
          `<dc:creator>Open City Graph</dc:creator><cp:version>${escapeXml(metadata.version ?? '')}</cp:version>` +
          `<dc:description>provenance: ${escapeXml(metadata.provenance ?? '')}</dc:description></cp:coreProperties>`,
      );
      await part(
        '_rels/.rels',
        `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
          `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
          `<Relationship Id="rId2" Type="${PACKAGE_RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/>` +
          '</Relationships>',
      );
      await part(
        '[Content_Types].xml',
        `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          sheets
            .map(
              (_, index) =>
                `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
            )
            .join('') +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          '</Types>',
      );
      zip.end();
      await flush();
    },
  };
}
