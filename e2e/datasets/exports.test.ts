import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import { startTestPlatform, type TestPlatform } from '#test/platform';

let platform: TestPlatform;
let base: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => platform?.stop());

async function download(path: string): Promise<Response> {
  return fetch(`${base}${path}`);
}

interface FeatureCollection {
  type: string;
  features: {
    type: string;
    geometry: { type: string; coordinates: unknown };
    properties: Record<string, unknown>;
  }[];
}

async function features(path: string): Promise<FeatureCollection> {
  const response = await download(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as FeatureCollection;
}

function boundingBox(geometry: { coordinates: unknown } | undefined) {
  const positions = [geometry?.coordinates].flat(3) as number[];
  const longitudes = positions.filter((_, index) => index % 2 === 0);
  const latitudes = positions.filter((_, index) => index % 2 === 1);
  return {
    west: Math.min(...longitudes),
    east: Math.max(...longitudes),
    south: Math.min(...latitudes),
    north: Math.max(...latitudes),
  };
}

interface SheetCell {
  type: 'number' | 'text' | 'boolean';
  value: string;
  style?: string;
}

/**
 * The sheet names and the cells of each sheet, read from the XML parts as a spreadsheet would: a
 * row's cells by column (A is 0), an empty cell left out.
 */
function readWorkbook(bytes: Uint8Array): { sheets: string[]; rows: SheetCell[][][] } {
  const parts = unzipSync(bytes);
  const text = (name: string) => strFromU8(parts[name]);
  expect(Object.keys(parts)).toContain('[Content_Types].xml');
  const sheets = [...text('xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((match) => match[1]);
  const unescape = (value: string) =>
    value
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const rows = sheets.map((_, index) =>
    [...text(`xl/worksheets/sheet${index + 1}.xml`).matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) => {
      const cells: SheetCell[] = [];
      for (const cell of row[1].matchAll(
        /<c r="([A-Z])\d+"(?: s="(\d+)")?(?: t="(\w+)")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g,
      )) {
        cells[cell[1].charCodeAt(0) - 65] = {
          type: cell[3] === 'inlineStr' ? 'text' : cell[3] === 'b' ? 'boolean' : 'number',
          value: unescape(cell[4] ?? cell[5]),
          ...(cell[2] ? { style: cell[2] } : {}),
        };
      }
      return cells;
    }),
  );
  return { sheets, rows };
}

function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

describe('dataset exports', () => {
  it('streams a CSV whose rows match the GraphQL list, with version and provenance headers', async () => {
    const response = await download('/datasets/arrondissements.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="arrondissements-.*\.csv"/,
    );
    expect(response.headers.get('x-dataset-version')).toMatch(/^[0-9a-f]{12}$/);
    const rows = csvRows(await response.text());
    expect(rows[0]).toContain('insee_code');
    const graph = await platform.query<{ arrondissements: { code: number }[] }>(
      '{ arrondissements { code } }',
    );
    expect(rows.length - 1).toBe(graph.data?.arrondissements.length);
  });

  it('filters with the GraphQL filter names and selects columns', async () => {
    const response = await download(
      '/datasets/arrondissements.csv?arrondissement=17&columns=code,name&delimiter=;&bom=true',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte-order mark, so spreadsheet software reads the accents right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.trim().split('\n')).toEqual(['code;name', '17;17ème Ardt']);
  });

  it('takes a dataset filter named format as that filter, the file format being the extension', async () => {
    const response = await download('/datasets/training-courses.csv?format=BOOTCAMP&columns=id,format');
    expect(response.status).toBe(200);
    const rows = (await response.text()).trim().split('\n').slice(1);
    const total = await platform.query<{ trainingCourses: { totalCount: number } }>(
      '{ trainingCourses(filter: { format: BOOTCAMP }) { totalCount } }',
    );
    expect(rows.length).toBe(total.data?.trainingCourses.totalCount);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.endsWith(',BOOTCAMP'))).toBe(true);
  });

  it('writes valid RFC 7946 GeoJSON points in longitude, latitude order', async () => {
    const collection = await features('/datasets/waste-stations.geojson?arrondissement=17');
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThan(0);
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.geometry.type).toBe('Point');
      const [longitude, latitude] = feature.geometry.coordinates as [number, number];
      expect(longitude).toBeCloseTo(2.31, 1);
      expect(latitude).toBeCloseTo(48.88, 1);
    }
  });

  it('writes areas with their boundaries: arrondissements and districts as polygons', async () => {
    const arrondissements = await features('/datasets/arrondissements.geojson');
    expect(arrondissements.features).toHaveLength(20);
    const seventeenth = arrondissements.features.find((feature) => feature.properties.code === 17);
    if (inject('openDataDir')) {
      // The official boundary, around its centroid.
      expect(['Polygon', 'MultiPolygon']).toContain(seventeenth?.geometry.type);
      const box = boundingBox(seventeenth?.geometry);
      expect(box.west).toBeLessThan(2.307);
      expect(box.east).toBeGreaterThan(2.307);
      expect(box.south).toBeLessThan(48.887);
      expect(box.north).toBeGreaterThan(48.887);
      expect(box.east - box.west).toBeGreaterThan(0.02);
    } else {
      // Reference figures hold no boundary: the centroid stays a point.
      expect(seventeenth?.geometry).toEqual({ type: 'Point', coordinates: [2.30678, 48.88733] });
    }
    const districts = await features('/datasets/districts.geojson');
    expect(districts.features.length).toBeGreaterThan(0);
    const clichy = districts.features.find((feature) => feature.properties.id === 'clichy-batignolles');
    expect(clichy?.geometry.type).toBe('Polygon');
    const ring = (clichy?.geometry.coordinates as number[][][])[0];
    expect(ring[0]).toEqual(ring.at(-1));
    const box = boundingBox(clichy?.geometry);
    expect((box.west + box.east) / 2).toBeCloseTo(2.316, 3);
    expect((box.south + box.north) / 2).toBeCloseTo(48.8893, 3);
    // The other formats are unchanged: no shape column.
    const csv = await (
      await download('/datasets/districts.csv?columns=id,arrondissement&kind=ECO_DISTRICT')
    ).text();
    expect(csv.split('\n')).toContain('clichy-batignolles,17');
  });

  it('filters areas with bbox and within by their centroid, boundaries kept', async () => {
    const inBox = await features('/datasets/districts.geojson?bbox=48.885,2.31,48.895,2.32');
    expect(inBox.features.map((feature) => feature.properties.id)).toEqual(['clichy-batignolles']);
    expect(inBox.features[0].geometry.type).toBe('Polygon');
    const within = await features('/datasets/districts.geojson?within=district:paris-rive-gauche');
    // The urban-innovation neighbourhood of the same name lies inside the urban project's boundary.
    expect(within.features.map((feature) => feature.properties.id)).toEqual([
      'innovation-paris-rive-gauche',
      'paris-rive-gauche',
    ]);
    const arrondissements = await features('/datasets/arrondissements.geojson?bbox=48.88,2.30,48.89,2.31');
    expect(arrondissements.features.map((feature) => feature.properties.code)).toEqual([17]);
    if (inject('openDataDir')) {
      const inside = await features('/datasets/arrondissements.geojson?within=arrondissement:17');
      expect(inside.features.map((feature) => feature.properties.code)).toEqual([17]);
      expect(inside.features[0].geometry.type).not.toBe('Point');
    }
    // A dataset of points is filtered and written as before.
    const points = await features('/datasets/waste-stations.geojson?bbox=48.87,2.28,48.9,2.33');
    expect(points.features.length).toBeGreaterThan(0);
    for (const feature of points.features) {
      expect(feature.geometry.type).toBe('Point');
      const [longitude, latitude] = feature.geometry.coordinates as [number, number];
      expect(latitude).toBeGreaterThanOrEqual(48.87);
      expect(latitude).toBeLessThanOrEqual(48.9);
      expect(longitude).toBeGreaterThanOrEqual(2.28);
      expect(longitude).toBeLessThanOrEqual(2.33);
    }
  });

  it('writes Parquet with typed columns that read back', async () => {
    const bytes = await (await download('/datasets/arrondissements.parquet')).arrayBuffer();
    const rows = (await parquetReadObjects({ file: bytes })) as Record<string, unknown>[];
    expect(rows).toHaveLength(20);
    const seventeenth = rows.find((row) => row.code === 17);
    expect(typeof seventeenth?.surface_m2).toBe('number');
    expect(typeof seventeenth?.population).toBe('number');
    expect(seventeenth?.name).toBe('17ème Ardt');
  });

  it('writes XLSX with a header row and typed cells that read back', async () => {
    const response = await download('/datasets/arrondissements.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="arrondissements-.*\.xlsx"/,
    );
    const workbook = readWorkbook(new Uint8Array(await response.arrayBuffer()));
    expect(workbook.sheets).toEqual(['arrondissements']);
    const [header, ...rows] = workbook.rows[0];
    expect(header.map((cell) => cell.value)).toEqual([
      'code',
      'insee_code',
      'name',
      'official_name',
      'surface_m2',
      'perimeter_m',
      'population',
      'population_year',
      'latitude',
      'longitude',
      'provenance',
    ]);
    expect(rows).toHaveLength(20);
    const seventeenth = rows.find((row) => row[0].value === '17');
    expect(seventeenth?.[0].type).toBe('number');
    expect(seventeenth?.[2]).toEqual({ type: 'text', value: '17ème Ardt' });
    expect(seventeenth?.[6].type).toBe('number');
    expect(Number(seventeenth?.[8].value)).toBeCloseTo(48.887, 2);
  });

  it('writes XLSX timestamps as Excel dates in UTC, the same instants as the other formats', async () => {
    const query = 'arrondissement=17&columns=reading_id,observed_at,value';
    const ndjson = (await (await download(`/datasets/meter-readings.ndjson?${query}`)).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { reading_id: number; observed_at: string; value: number });
    const workbook = readWorkbook(
      new Uint8Array(await (await download(`/datasets/meter-readings.xlsx?${query}`)).arrayBuffer()),
    );
    const [header, ...rows] = workbook.rows[0];
    expect(header.map((cell) => cell.value)).toEqual(['reading_id', 'observed_at', 'value']);
    expect(ndjson.length).toBeGreaterThan(0);
    // Other test files add readings meanwhile: rows are compared by id.
    const byId = new Map(rows.map((row) => [Number(row[0].value), row]));
    for (const expected of [ndjson[0], ndjson[Math.floor(ndjson.length / 2)], ndjson[ndjson.length - 1]]) {
      const [id, observed, value] = byId.get(expected.reading_id) ?? [];
      expect(id?.type).toBe('number');
      expect(observed).toMatchObject({ type: 'number', style: '2' });
      // Excel's serial day: days since 1899-12-30.
      const instant = new Date(Math.round((Number(observed?.value) - 25_569) * 86_400_000)).toISOString();
      expect(instant).toBe(expected.observed_at);
      expect(value === undefined ? null : Number(value.value)).toBe(expected.value);
    }
  });

  it('resumes after the last key received, as its headers say', async () => {
    const response = await download('/datasets/arrondissements.ndjson?after=18');
    expect(response.headers.get('x-dataset-key')).toBe('code');
    expect(response.headers.get('x-dataset-resume')).toBe('repeat with after=<last code received>');
    const text = await response.text();
    expect(
      text
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { code: number }).code),
    ).toEqual([19, 20]);
  });

  it('answers unknown datasets and formats with 404 and the valid ones', async () => {
    const unknownDataset = await download('/datasets/nope.csv');
    expect(unknownDataset.status).toBe(404);
    expect(((await unknownDataset.json()) as { datasets: string[] }).datasets).toContain('arrondissements');
    const unknownFormat = await download('/datasets/arrondissements.shp');
    expect(unknownFormat.status).toBe(404);
    expect(((await unknownFormat.json()) as { formats: string[] }).formats).toEqual([
      'csv',
      'ndjson',
      'geojson',
      'parquet',
      'xlsx',
    ]);
  });

  it('reads a quote in a filter as part of the value, never as SQL', async () => {
    const response = await download(
      `/datasets/buildings.csv?category=${encodeURIComponent("SCHOOL' OR 'a'='a")}`,
    );
    expect(response.status).toBe(200);
    expect(csvRows(await response.text())).toHaveLength(1);
    const schools = csvRows(await (await download('/datasets/buildings.csv?category=SCHOOL')).text());
    expect(schools.length).toBeGreaterThan(1);
  });

  it('answers an invalid filter with 400 naming the parameter', async () => {
    const badValue = await download('/datasets/arrondissements.csv?arrondissement=21');
    expect(badValue.status).toBe(400);
    expect(await badValue.json()).toMatchObject({ parameter: 'arrondissement' });
    const unknownParameter = await download('/datasets/arrondissements.csv?colour=blue');
    expect(unknownParameter.status).toBe(400);
    expect(await unknownParameter.json()).toMatchObject({ parameter: 'colour' });
  });
});

describe('catalog', () => {
  it('lists every contract dataset with licence and distributions', async () => {
    const result = await platform.query<{
      datasets: {
        id: string;
        title: string;
        license: { url: string };
        distributions: { format: string; url: string }[];
      }[];
    }>('{ datasets { id title license { url } distributions { format url } } }');
    expect(result.errors).toBeUndefined();
    const arrondissements = result.data?.datasets.find((dataset) => dataset.id === 'arrondissements');
    expect(arrondissements?.distributions.map((distribution) => distribution.format)).toEqual([
      'csv',
      'ndjson',
      'geojson',
      'parquet',
      'xlsx',
    ]);
    expect(arrondissements?.distributions[0].url).toMatch(/\/datasets\/arrondissements\.csv$/);
  });

  it('serves DCAT-AP JSON-LD with the mandatory dataset properties', async () => {
    const response = await download('/catalog.jsonld');
    expect(response.headers.get('content-type')).toMatch(/application\/ld\+json/);
    const catalog = (await response.json()) as { '@type': string; 'dcat:dataset': Record<string, unknown>[] };
    expect(catalog['@type']).toBe('dcat:Catalog');
    for (const dataset of catalog['dcat:dataset']) {
      expect(dataset).toHaveProperty('dct:title');
      expect(dataset).toHaveProperty('dct:description');
      expect(dataset).toHaveProperty('dcat:distribution');
      expect(dataset).toHaveProperty('dct:publisher');
    }
  });
});

describe('every contract dataset', () => {
  const CONTRACT_IDS = [
    'arrondissements',
    'buildings',
    'meter-readings',
    'waste-stations',
    'budget-projects',
    'datacity-challenges',
    'training-courses',
    'accompaniment-stats',
  ];

  it.each(CONTRACT_IDS)('%s exports as NDJSON', async (id) => {
    const response = await download(
      `/datasets/${id}.ndjson?${id === 'meter-readings' ? 'arrondissement=17&' : ''}`,
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(() => JSON.parse(lines[0]) as unknown).not.toThrow();
  });

  it('matches the GraphQL totalCount for the same filter', async () => {
    const cases: [string, string, string][] = [
      [
        'budget-projects',
        'arrondissement=17&edition=2019',
        '{ budgetProjects(filter: { arrondissement: 17, edition: 2019 }) { totalCount } }',
      ],
      ['buildings', 'arrondissement=13', '{ buildings(filter: { arrondissement: 13 }) { totalCount } }'],
      [
        'waste-stations',
        'arrondissement=2',
        '{ wasteStations(filter: { arrondissement: 2 }) { totalCount } }',
      ],
      [
        'training-courses',
        'arrondissement=11',
        '{ trainingCourses(filter: { arrondissement: 11 }) { totalCount } }',
      ],
      [
        'datacity-challenges',
        'arrondissement=17',
        '{ challenges(filter: { arrondissement: 17 }) { totalCount } }',
      ],
    ];
    for (const [id, parameters, query] of cases) {
      const rows = csvRows(await (await download(`/datasets/${id}.csv?${parameters}&columns=id`)).text());
      const result = await platform.query<Record<string, { totalCount: number }>>(query);
      expect(result.errors).toBeUndefined();
      expect({ id, rows: rows.length - 1 }).toEqual({
        id,
        rows: Object.values(result.data ?? {})[0].totalCount,
      });
    }
  });

  it('never exports personal data of the mobility service', async () => {
    const text = await (await download('/datasets/accompaniment-stats.csv')).text();
    const header = csvRows(text)[0];
    expect(header).not.toContain('phone');
    expect(header).not.toContain('family_name');
    for (const row of csvRows(text).slice(1)) {
      const [requests, suppressed] = [row[header.indexOf('requests')], row[header.indexOf('suppressed')]];
      if (suppressed === 'true') expect(requests).toBe('');
      else expect(Number(requests)).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('the datasets an open-data portal has and the platform lacked', () => {
  const IDS = [
    'districts',
    'city-figures',
    'datacity-startups',
    'datacity-experiments',
    'training-cohorts',
    'training-providers',
    'training-sponsors',
    'budget-ballot-counts',
    'meter-readings-daily',
    'retrofits',
  ];

  it('lists each in the catalog with its licence and provenance, and downloads it', async () => {
    const result = await platform.query<{
      datasets: { id: string; license: { url: string }; provenance: string; rowCount: number | null }[];
    }>('{ datasets { id license { url } provenance rowCount } }');
    expect(result.errors).toBeUndefined();
    for (const id of IDS) {
      const dataset = result.data?.datasets.find((candidate) => candidate.id === id);
      expect(dataset?.license.url, id).toMatch(/^https:\/\//);
      expect(dataset?.provenance, id).toMatch(/^(OPEN_DATA|REFERENCE|GENERATED|MIXED)$/);
      expect(dataset?.rowCount, id).toBeGreaterThan(0);
      const response = await download(`/datasets/${id}.ndjson`);
      expect(response.status, id).toBe(200);
      const rows = (await response.text()).trim().split('\n').length;
      // Other test files record readings meanwhile: the daily totals grow between the two reads.
      if (id === 'meter-readings-daily') expect(rows).toBeGreaterThan(0);
      else expect(rows, id).toBe(dataset?.rowCount);
    }
  });

  it('counts ballots per project without a voter, and gives retrofits and key figures their sources', async () => {
    const ballots = csvRows(
      await (await download('/datasets/budget-ballot-counts.csv?arrondissement=17')).text(),
    );
    expect(ballots[0]).toEqual([
      'project_id',
      'edition',
      'title',
      'theme',
      'scale',
      'arrondissements',
      'ballots',
    ]);
    const retrofits = (await (await download('/datasets/retrofits.ndjson?arrondissement=17')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const supervised = await platform.query<{ buildings: { totalCount: number } }>(
      '{ buildings(filter: { arrondissement: 17, supervised: true }) { totalCount } }',
    );
    expect(retrofits).toHaveLength(supervised.data?.buildings.totalCount ?? -1);
    expect(retrofits[0]).toMatchObject({ provenance: 'GENERATED', arrondissement: 17 });
    const figures = (await (await download('/datasets/city-figures.ndjson')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(figures).toHaveLength(6);
    expect(
      figures.every((figure) => figure.source_publisher === 'City of Paris' && figure.year === 2019),
    ).toBe(true);
  });
});

describe('a cancelled download', () => {
  // NDJSON and XLSX read a server-side cursor; CSV streams PostgreSQL's COPY, which has to be
  // cancelled. The first bytes arrive while the statement still runs: the file is streamed.
  it.each(['ndjson', 'csv', 'xlsx'])(
    '%s releases its database statement and connection at once',
    async (format) => {
      const abort = new AbortController();
      // A column order no other test asks for: other files' exports run in the same database.
      const response = await fetch(
        `${base}/datasets/meter-readings.${format}?columns=provenance,meter_id,building_id,kind,unit,observed_at,reading_id,value,power`,
        {
          signal: abort.signal,
        },
      );
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      // A good part of a file whose database statement has not finished (checked below): rows are
      // sent as they are read, not gathered first.
      let received = 0;
      while (received < 256 * 1024) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value.length;
      }
      expect(received).toBeGreaterThanOrEqual(256 * 1024);
      // Statements of the export still running in PostgreSQL.
      const exporting = async () => {
        const { Client } = await import('pg');
        const client = new Client({ connectionString: platform.databaseUrl });
        await client.connect();
        try {
          const rows = await client.query<{ count: string }>(
            // Client backends only: a COPY's query may also run in parallel workers.
            `SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND backend_type = 'client backend'
              AND query LIKE '%AS "provenance", %AS "meter_id", %AS "building_id"%'
              AND query NOT ILIKE '%pg_stat_activity%' AND state <> 'idle'`,
          );
          return Number(rows.rows[0].count);
        } finally {
          await client.end();
        }
      };
      try {
        expect(await exporting()).toBe(1);
      } finally {
        // Even on failure: a download left open would keep the platform from stopping.
        abort.abort();
      }
      let open = 1;
      for (let attempt = 0; attempt < 50 && open > 0; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        open = await exporting();
      }
      expect(open).toBe(0);
    },
  );
});
