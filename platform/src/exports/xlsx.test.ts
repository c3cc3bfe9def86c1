import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportColumn } from './definition';
import type { ExportRow } from './writer';
import { sheetName, xlsxWriter } from './xlsx';

const COLUMNS: ExportColumn[] = [
  { name: 'id', sql: 'id', type: 'integer', description: '' },
  { name: 'label', sql: 'label', type: 'text', description: '' },
  { name: 'flag', sql: 'flag', type: 'boolean', description: '' },
  { name: 'at', sql: 'at', type: 'timestamp', description: '' },
  { name: 'day', sql: 'day', type: 'date', description: '' },
  { name: 'amount', sql: 'amount', type: 'double', description: '' },
  { name: 'total', sql: 'total', type: 'bigint', description: '' },
  { name: 'extra', sql: 'extra', type: 'json', description: '' },
];

/** Writes the rows in batches into memory; `received` is what the sink had before `end()`. */
async function workbook(
  rows: ExportRow[],
  options: { sheetRows?: number; batch?: number } = {},
): Promise<{ parts: Record<string, string>; received: number; total: number }> {
  const chunks: Uint8Array[] = [];
  const writer = xlsxWriter(
    {
      write(chunk) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        return Promise.resolve();
      },
    },
    COLUMNS,
    { dataset: 'awkward', version: 'abc123', provenance: 'GENERATED' },
    options.sheetRows,
  );
  await writer.begin();
  const size = options.batch ?? 1000;
  for (let start = 0; start < rows.length; start += size) await writer.rows(rows.slice(start, start + size));
  const received = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  await writer.end();
  const bytes = Buffer.concat(chunks);
  const parts = Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, content]) => [name, strFromU8(content)]),
  );
  return { parts, received, total: bytes.length };
}

function cells(sheet: string): string[][] {
  return [...sheet.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) =>
    [...row[1].matchAll(/<c .*?<\/c>/g)].map((cell) => cell[0]),
  );
}

describe('XLSX writer', () => {
  it('writes a header of the column names and one typed cell per value', async () => {
    const { parts } = await workbook([
      {
        id: 17,
        label: 'Île <&> "17ème" 🚲',
        flag: true,
        at: Date.UTC(2026, 0, 1, 0, 15),
        day: '2024-02-29',
        amount: 0.1 + 0.2,
        total: '9007199254740993',
        extra: { kind: 'HEAT' },
      },
      { id: 2, label: '', flag: false, at: null, day: null, amount: Number.NaN, total: '42', extra: null },
    ]);
    const [header, first, second] = cells(parts['xl/worksheets/sheet1.xml']);
    expect(header).toEqual(
      COLUMNS.map(
        (column, index) =>
          `<c r="${'ABCDEFGH'[index]}1" s="3" t="inlineStr"><is><t>${column.name}</t></is></c>`,
      ),
    );
    expect(first).toEqual([
      '<c r="A2"><v>17</v></c>',
      '<c r="B2" t="inlineStr"><is><t>Île &lt;&amp;&gt; &quot;17ème&quot; 🚲</t></is></c>',
      '<c r="C2" t="b"><v>1</v></c>',
      // 2026-01-01 00:15 UTC: 46023 days after 1899-12-30, and a quarter of an hour.
      '<c r="D2" s="2"><v>46023.01041666667</v></c>',
      '<c r="E2" s="1"><v>45351</v></c>',
      `<c r="F2"><v>${0.1 + 0.2}</v></c>`,
      // Past 2^53 a number cell would round it: kept as text.
      '<c r="G2" t="inlineStr"><is><t>9007199254740993</t></is></c>',
      '<c r="H2" t="inlineStr"><is><t>{&quot;kind&quot;:&quot;HEAT&quot;}</t></is></c>',
    ]);
    // Nulls and empty text leave the cell out; NaN is no Excel number.
    expect(second).toEqual([
      '<c r="A3"><v>2</v></c>',
      '<c r="C3" t="b"><v>0</v></c>',
      '<c r="F3" t="inlineStr"><is><t>NaN</t></is></c>',
      '<c r="G3"><v>42</v></c>',
    ]);
    expect(parts['xl/workbook.xml']).toContain('<sheet name="awkward" sheetId="1" r:id="rId1"/>');
    expect(parts['docProps/core.xml']).toContain('<cp:version>abc123</cp:version>');
    expect(parts['[Content_Types].xml']).toContain('/xl/worksheets/sheet1.xml');
  });

  it('keeps text XML cannot carry, and cuts it at the cell limit', async () => {
    const { parts } = await workbook([
      { id: 1, label: 'bell\u0007 _x0041_ tab\tend ' },
      { id: 2, label: 'x'.repeat(40_000) },
    ]);
    const [, first, second] = cells(parts['xl/worksheets/sheet1.xml']);
    expect(first[1]).toBe(
      '<c r="B2" t="inlineStr"><is><t xml:space="preserve">bell_x0007_ _x005F_x0041_ tab\tend </t></is></c>',
    );
    expect(/<t>(x*)…<\/t>/.exec(second[1])?.[1]).toHaveLength(32_766);
  });

  it('writes dates before March 1900, which Excel cannot show, as ISO text', async () => {
    const { parts } = await workbook([{ id: 1, at: Date.UTC(1899, 11, 31), day: '1900-01-01' }]);
    const [, row] = cells(parts['xl/worksheets/sheet1.xml']);
    expect(row.slice(1)).toEqual([
      '<c r="D2" t="inlineStr"><is><t>1899-12-31T00:00:00.000Z</t></is></c>',
      '<c r="E2" t="inlineStr"><is><t>1900-01-01</t></is></c>',
    ]);
  });

  it('continues on further sheets past the rows a sheet holds, each with its header', async () => {
    const rows = Array.from({ length: 5 }, (_, index) => ({ id: index + 1 }));
    const { parts } = await workbook(rows, { sheetRows: 3, batch: 4 });
    const sheets = [1, 2, 3].map((index) => cells(parts[`xl/worksheets/sheet${index}.xml`]));
    expect(sheets.map((sheet) => sheet.map((row) => row[0]))).toEqual([
      [
        '<c r="A1" s="3" t="inlineStr"><is><t>id</t></is></c>',
        '<c r="A2"><v>1</v></c>',
        '<c r="A3"><v>2</v></c>',
      ],
      [
        '<c r="A1" s="3" t="inlineStr"><is><t>id</t></is></c>',
        '<c r="A2"><v>3</v></c>',
        '<c r="A3"><v>4</v></c>',
      ],
      ['<c r="A1" s="3" t="inlineStr"><is><t>id</t></is></c>', '<c r="A2"><v>5</v></c>'],
    ]);
    expect([...parts['xl/workbook.xml'].matchAll(/<sheet name="([^"]+)"/g)].map((match) => match[1])).toEqual(
      ['awkward', 'awkward (2)', 'awkward (3)'],
    );
    expect(parts['xl/worksheets/sheet3.xml']).toContain('<autoFilter ref="A1:H2"/>');
    expect(parts['xl/workbook.xml']).toContain("'awkward (3)'!$A$1:$H$2</definedName>");
  });

  it('sends each batch on before the next one: memory holds a batch, not the file', async () => {
    const rows = Array.from({ length: 50_000 }, (_, index) => ({
      id: index,
      label: `meter ${index % 97}`,
      at: Date.UTC(2026, 0, 1) + index * 900_000,
      amount: Math.sin(index),
    }));
    const { received, total } = await workbook(rows);
    // All but the deflate window's tail and the small closing parts reached the sink before end().
    expect(received / total).toBeGreaterThan(0.9);
  });

  it('names a sheet as Excel allows', () => {
    expect(sheetName('meter-readings', 0)).toBe('meter-readings');
    expect(sheetName('a-very-long-dataset-identifier-past-31', 0)).toBe('a-very-long-dataset-identifier-');
    expect(sheetName('a-very-long-dataset-identifier-past-31', 1)).toBe('a-very-long-dataset-identif (2)');
    expect(sheetName("'what/is:this?*[x]'", 0)).toBe('what-is-this---x-');
  });
});
