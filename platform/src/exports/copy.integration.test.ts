import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CATALOG } from '#datasets/catalog';
import { testSubgraphs } from '#test/subgraphs';
import type { DatasetDefinition } from './definition';
import { createFormatWriter } from './formats';
import { ExportRequestError, parseExportRequest, type ParsedExportRequest } from './request';

let client: Client;

beforeAll(async () => {
  client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  await client.query(`CREATE TEMP TABLE awkward (
    id int PRIMARY KEY, label text, flag boolean, at timestamptz, day date,
    amount float8, total bigint, small int)`);
  await client.query(`INSERT INTO awkward VALUES
    (1, '', true, '2024-03-31 01:59:59.999999+00', '2024-02-29', 0.1 + 0.2, 9007199254740993, -1),
    (2, NULL, false, '1999-12-31 23:00:00+01', '1970-01-01', -0.0, NULL, NULL),
    (3, 'a,b;c|d' || E'\\t' || 'e', NULL, NULL, NULL, 1e-7, 0, 0),
    (4, 'quote " and ''apostrophe''', true, '2026-11-25 21:30:00.5+00', '2026-11-25', 1.5e-5, 1, 1),
    (5, E'two\\nlines\\r\\nand CR', true, '2026-01-01 00:00:00+00', NULL, 1e15, -1, 1),
    (6, 'Île-de-France — 17ème 🚲', true, '2026-01-01 00:00:00.123+00', NULL, 1e21, 2, 2),
    (7, ' leading and trailing ', false, NULL, NULL, 'NaN', 3, 3),
    (8, '\\.', false, NULL, NULL, 'Infinity', 4, 4),
    (9, 'null', true, NULL, NULL, '-Infinity', 5, 5),
    (10, '0042', true, NULL, NULL, 123456789.123456789, 6, 6),
    (11, 'x', true, NULL, NULL, 2.5e-300, 7, 7),
    (12, 'y', true, NULL, NULL, -1.7976931348623157e308, 8, 8),
    (13, 'z', true, NULL, NULL, 0.000001, 9, 9),
    (14, 'w', true, NULL, NULL, 0.00009999, 10, 10),
    (15, 'v', true, NULL, NULL, 0.0001, 11, 11),
    (16, 'u', true, NULL, NULL, 999999999999999.9, 12, 12),
    (17, 't', true, NULL, NULL, -123.456e17, 13, 13)`);
});
afterAll(() => client?.end());

/** The CSV the JavaScript writer makes of the request's rows. */
async function viaJavaScript(request: ParsedExportRequest): Promise<string> {
  const { rows } = await client.query<Record<string, unknown>>(request.query.sql, request.query.parameters);
  let text = '';
  const writer = await createFormatWriter(
    'csv',
    {
      write: (chunk) => {
        text += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
        return Promise.resolve();
      },
    },
    request.query.columns,
    { csv: request.csv, metadata: {} },
  );
  await writer.begin();
  await writer.rows(rows);
  await writer.end();
  return text;
}

/** The CSV PostgreSQL's COPY makes of the same request. */
async function viaCopy(request: ParsedExportRequest): Promise<string> {
  expect(request.copy).toBeDefined();
  const chunks: Buffer[] = [];
  for await (const chunk of client.query(copyTo(request.copy as string)) as AsyncIterable<Buffer>)
    chunks.push(chunk);
  return (request.csv.bom ? '\uFEFF' : '') + Buffer.concat(chunks).toString('utf8');
}

const seeded = new Set(testSubgraphs().map((definition) => definition.name));
const selected = CATALOG.filter((definition) => !definition.compute && seeded.has(definition.subgraph));

/** A few keys in the middle of the dataset, to resume after and to filter the big ones down. */
async function middleKey(definition: DatasetDefinition): Promise<string> {
  const { rows } = await client.query<{ key: string }>(
    `SELECT (${definition.key.sql})::text AS key FROM ${definition.from} ORDER BY ${definition.key.sql}
      OFFSET (SELECT count(*) / 2 FROM ${definition.from}) LIMIT 1`,
  );
  return rows[0]?.key ?? '0';
}

describe('CSV through COPY', () => {
  it('is seeded with the datasets it compares', () => {
    expect(selected.length).toBeGreaterThan(0);
  });

  it.each(selected.map((definition) => [definition.id, definition] as const))(
    '%s: the same bytes as the JavaScript writer, whatever the options',
    async (_id, definition) => {
      const key = await middleKey(definition);
      // Meter readings and their daily roll-ups (a year of history for retrofitted buildings) run
      // to hundreds of thousands of rows: compare a slice of them.
      const window = ['meter-readings', 'meter-readings-daily'].includes(definition.id)
        ? `after=${encodeURIComponent(key)}&arrondissement=17&`
        : '';
      const searches = [
        `${window}`,
        `${window}delimiter=;&bom=true`,
        `${window}delimiter=tab&columns=${definition.columns
          .slice()
          .reverse()
          .map((column) => column.name)
          .join(',')}`,
        `${window}delimiter=|&after=${encodeURIComponent(key)}`,
      ];
      for (const search of searches) {
        const request = parseExportRequest(definition, 'csv', new URLSearchParams(search));
        // One snapshot for both reads: other test files add fill levels and readings meanwhile.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        try {
          const expected = await viaJavaScript(request);
          expect(expected.split('\n').length).toBeGreaterThan(2);
          expect({ search, csv: await viaCopy(request) }).toEqual({ search, csv: expected });
        } finally {
          await client.query('COMMIT');
        }
      }
    },
    // A year of daily roll-ups read twice per option set: seconds alone, more beside the other files.
    180_000,
  );

  it('formats awkward values exactly as the JavaScript writer does', async () => {
    const definition: DatasetDefinition = {
      id: 'awkward',
      subgraph: 'territory',
      title: 'Awkward values',
      description: 'Values whose text form differs between PostgreSQL and JavaScript',
      keywords: [],
      themes: [],
      ledgerIds: [],
      from: 'awkward',
      columns: [
        { name: 'id', sql: 'id', type: 'integer', description: '' },
        { name: 'label', sql: 'label', type: 'text', description: '' },
        { name: 'flag', sql: 'flag', type: 'boolean', description: '' },
        { name: 'at', sql: 'at', type: 'timestamp', description: '' },
        { name: 'day', sql: 'day', type: 'date', description: '' },
        { name: 'amount', sql: 'amount', type: 'double', description: '' },
        { name: 'total', sql: 'total', type: 'bigint', description: '' },
        { name: 'small', sql: 'small', type: 'integer', description: '' },
      ],
      key: { sql: 'id', type: 'integer' },
      filters: [{ name: 'label', type: 'text', condition: 'label = $1' }],
      accrualPeriodicity: 'irregular',
    };
    for (const search of ['', 'delimiter=tab', 'delimiter=;&bom=true', 'columns=label,id']) {
      const request = parseExportRequest(definition, 'csv', new URLSearchParams(search));
      const expected = await viaJavaScript(request);
      // Header, 17 rows, the two line breaks inside row 5's label, the final newline.
      expect(expected.split('\n')).toHaveLength(21);
      expect({ search, csv: await viaCopy(request) }).toEqual({ search, csv: expected });
    }
    // The one deliberate difference: PostgreSQL quotes a lone `\.` when it is the only column, so
    // that no reader takes it for the end-of-data marker of COPY's text protocol.
    const lone = parseExportRequest(definition, 'csv', new URLSearchParams('columns=label&label=\\.'));
    expect(await viaJavaScript(lone)).toBe('label\n\\.\n');
    expect(await viaCopy(lone)).toBe('label\n"\\."\n');
  });

  it('leaves every filter and the resume key inert against SQL injection', async () => {
    const payloads = [
      "x' OR 'a'='a",
      "x'); DROP TABLE awkward; --",
      "\\' OR 1=1 --",
      "x' || (SELECT current_user) || '",
      '$$ OR true $$',
      "E'\\\\' OR true",
      "x'::text OR true OR 'y",
    ];
    let checked = 0;
    for (const definition of selected) {
      const textParameters = [
        ...definition.filters
          // A parameter limited to an enumeration refuses every payload before any SQL is written.
          .filter((filter) => filter.type === 'text' && !filter.validate)
          .map((filter) => filter.name),
        ...(definition.key.type === 'text' ? ['after'] : []),
      ];
      for (const filter of definition.filters.filter(
        (candidate) => candidate.type === 'text' && candidate.validate,
      )) {
        for (const payload of payloads) {
          expect(() =>
            parseExportRequest(definition, 'csv', new URLSearchParams({ [filter.name]: payload })),
          ).toThrow(ExportRequestError);
        }
      }
      for (const name of textParameters) {
        for (const payload of payloads) {
          const request = parseExportRequest(definition, 'csv', new URLSearchParams({ [name]: payload }));
          // A filter named like a reserved parameter (training's `format`) is never applied.
          if (name !== 'after' && !(name in request.filterValues)) continue;
          const copied = (await viaCopy(request)).trim().split('\n');
          const parameterised = (await viaJavaScript(request)).trim().split('\n');
          // `after` compares with >, so it may match rows: the same rows as the bound parameter.
          expect({ id: definition.id, name, payload, rows: copied.length }).toEqual({
            id: definition.id,
            name,
            payload,
            rows: parameterised.length,
          });
          if (name !== 'after')
            expect({ name, payload, copied }).toEqual({ name, payload, copied: [copied[0]] });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(payloads.length * 3);
    const { rows } = await client.query<{ present: boolean }>(
      "SELECT to_regclass('pg_temp.awkward') IS NOT NULL AS present",
    );
    expect(rows[0].present).toBe(true);
  });
});
