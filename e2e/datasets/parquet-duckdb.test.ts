import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARQUET_ROW_GROUP_ROWS } from '#platform/exports/formats';
import { startTestPlatform, type TestPlatform } from '#test/platform';

// What a researcher does with a download: open it in DuckDB (pandas and pyarrow read the same
// Parquet logical types; they cannot be installed here).
let platform: TestPlatform;
let base: string;
let directory: string;
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  platform = await startTestPlatform(['territory', 'energy', 'datacity']);
  base = platform.gateway.url.replace(/\/graphql$/, '');
  directory = await mkdtemp(path.join(tmpdir(), 'ocg-parquet-'));
  duckdb = await DuckDBInstance.create(':memory:');
  connection = await duckdb.connect();
});
afterAll(async () => {
  connection?.closeSync();
  duckdb?.closeSync();
  if (directory) await rm(directory, { recursive: true, force: true });
  await platform?.stop();
});

async function downloadTo(file: string, url: string): Promise<string> {
  const response = await fetch(`${base}${url}`);
  expect(response.status).toBe(200);
  const target = path.join(directory, file);
  await writeFile(target, new Uint8Array(await response.arrayBuffer()));
  return target;
}

/** Column types DuckDB gives a file read by `reader` (read_parquet, read_csv with auto-detection). */
async function columnTypes(file: string, reader = 'read_parquet'): Promise<Record<string, string>> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}('${file}')`);
  return Object.fromEntries(
    described.getRowObjectsJson().map((row) => [String(row.column_name), String(row.column_type)]),
  );
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

describe('Parquet exports opened by DuckDB', () => {
  it('meter readings: typed columns, and the rows and values the graph gives', async () => {
    const sql = new Client({ connectionString: platform.databaseUrl });
    await sql.connect();
    const meterId = (
      await sql
        .query<{ meter_id: string }>(
          'SELECT meter_id FROM energy.meter_reading GROUP BY meter_id HAVING count(*) > 20 ORDER BY meter_id LIMIT 1',
        )
        .finally(() => sql.end())
    ).rows[0].meter_id;
    const file = await downloadTo('readings.parquet', `/datasets/meter-readings.parquet?meterId=${meterId}`);
    expect(await columnTypes(file)).toEqual({
      reading_id: 'BIGINT',
      meter_id: 'VARCHAR',
      building_id: 'VARCHAR',
      kind: 'VARCHAR',
      unit: 'VARCHAR',
      arrondissement: 'INTEGER',
      observed_at: 'TIMESTAMP WITH TIME ZONE',
      value: 'DOUBLE',
      power: 'DOUBLE',
      provenance: 'VARCHAR',
    });
    const graph = await platform.query<{
      meter: {
        readings: {
          totalCount: number;
          edges: { node: { observedAt: string; value: number; power: number | null } }[];
        };
      };
    }>(
      `query ($id: ID!) { meter(id: $id) { readings(first: 5) { totalCount edges { node { observedAt value power } } } } }`,
      { id: meterId },
    );
    expect(graph.errors).toBeUndefined();
    const readings = graph.data?.meter.readings;
    const [{ count }] = await rows(`SELECT count(*) AS count FROM read_parquet('${file}')`);
    expect(Number(count)).toBe(readings?.totalCount);
    const first = await rows(
      `SELECT epoch_ms(observed_at) AS at, value, power FROM read_parquet('${file}') ORDER BY observed_at LIMIT 5`,
    );
    expect(first.map((row) => ({ at: Number(row.at), value: row.value, power: row.power }))).toEqual(
      readings?.edges.map(({ node }) => ({
        at: Date.parse(node.observedAt),
        value: node.value,
        power: node.power,
      })),
    );

    const csv = path.join(directory, 'readings.csv');
    await writeFile(
      csv,
      await (await fetch(`${base}/datasets/meter-readings.csv?meterId=${meterId}`)).text(),
    );
    const [fromCsv] = await rows(`SELECT count(*) AS count FROM read_csv('${csv}')`);
    expect(Number(fromCsv.count)).toBe(readings?.totalCount);
    // Auto-detection types the columns, the ISO times among them.
    const csvTypes = await columnTypes(csv, 'read_csv');
    expect(csvTypes).toMatchObject({
      reading_id: 'BIGINT',
      value: 'DOUBLE',
      observed_at: expect.stringMatching(/^TIMESTAMP/),
    });
  });

  it('buildings: integers, doubles, booleans and text, matching the graph', async () => {
    const file = await downloadTo('buildings.parquet', '/datasets/buildings.parquet?arrondissement=17');
    expect(await columnTypes(file)).toMatchObject({
      id: 'VARCHAR',
      arrondissement: 'INTEGER',
      latitude: 'DOUBLE',
      floor_area_m2: 'DOUBLE',
      construction_year: 'INTEGER',
      heating_supervised: 'BOOLEAN',
    });
    const graph = await platform.query<{
      buildings: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            name: string;
            floorAreaM2: number;
            constructionYear: number;
            heatingSupervised: boolean;
          };
        }[];
      };
    }>(
      '{ buildings(filter: { arrondissement: 17 }, first: 100) { totalCount edges { node { id name floorAreaM2 constructionYear heatingSupervised } } } }',
    );
    expect(graph.errors).toBeUndefined();
    const exported = await rows(
      `SELECT id, name, floor_area_m2, construction_year, heating_supervised FROM read_parquet('${file}') ORDER BY id`,
    );
    expect(exported.length).toBe(graph.data?.buildings.totalCount);
    const byId = new Map(exported.map((row) => [row.id, row]));
    const nodes = graph.data?.buildings.edges.map(({ node }) => node) ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes.slice(0, 10)) {
      expect(byId.get(node.id)).toEqual({
        id: node.id,
        name: node.name,
        floor_area_m2: node.floorAreaM2,
        construction_year: node.constructionYear,
        heating_supervised: node.heatingSupervised,
      });
    }
  });

  it('writes a long export as row groups of bounded size, every row once', async () => {
    const file = await downloadTo(
      'readings-17.parquet',
      '/datasets/meter-readings.parquet?arrondissement=17',
    );
    const [groups] = await rows(
      `SELECT count(DISTINCT row_group_id) AS groups, max(row_group_num_rows) AS largest
         FROM parquet_metadata('${file}')`,
    );
    expect(Number(groups.groups)).toBeGreaterThan(1);
    expect(Number(groups.largest)).toBe(PARQUET_ROW_GROUP_ROWS);
    const [{ count, distinct }] = await rows(
      `SELECT count(*) AS count, count(DISTINCT reading_id) AS distinct FROM read_parquet('${file}')`,
    );
    const sql = new Client({ connectionString: platform.databaseUrl });
    await sql.connect();
    const expected = await sql
      .query<{ count: string }>(
        `SELECT count(*) AS count FROM energy.meter_reading r JOIN energy.meter m ON m.id = r.meter_id
           JOIN energy.building b ON b.id = m.building_id WHERE b.arrondissement_code = 17`,
      )
      .finally(() => sql.end());
    expect(Number(count)).toBe(Number(expected.rows[0].count));
    expect(Number(distinct)).toBe(Number(count));
  });

  it('DataCity challenges: dates as dates', async () => {
    const file = await downloadTo('challenges.parquet', '/datasets/datacity-challenges.parquet');
    expect(await columnTypes(file)).toMatchObject({
      launch_date: 'DATE',
      season: 'INTEGER',
      title: 'VARCHAR',
    });
    const graph = await platform.query<{ challenges: { totalCount: number } }>(
      '{ challenges(first: 1) { totalCount } }',
    );
    const [{ count }] = await rows(`SELECT count(*) AS count FROM read_parquet('${file}')`);
    expect(Number(count)).toBe(graph.data?.challenges.totalCount);
    const dates = await rows(
      `SELECT strftime(launch_date, '%Y-%m-%d') AS day FROM read_parquet('${file}') WHERE launch_date IS NOT NULL LIMIT 1`,
    );
    expect(String(dates[0].day)).toMatch(/^20\d\d-\d\d-\d\d$/);
  });
});
