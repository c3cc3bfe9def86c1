import path from 'node:path';
import { Readable } from 'node:stream';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';

/** The official DCAT-AP 3.0.0 shapes (SEMICeu/DCAT-AP, see the fixtures' README). */
const SHAPES = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'dcat-ap-3.0.0');
const DCAT_DATASET = 'http://www.w3.org/ns/dcat#Dataset';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

type Graph = Awaited<ReturnType<ReturnType<typeof rdf.dataset>['import']>>;

async function parse(text: string, mediaType: string): Promise<Graph> {
  const quads = rdf.formats.parsers.import(mediaType, Readable.from([text]));
  if (!quads) throw new Error(`no parser for ${mediaType}`);
  return rdf.dataset().import(quads);
}

async function shapes(...files: string[]): Promise<Graph> {
  const merged = rdf.dataset();
  for (const file of files) merged.addAll(await rdf.dataset().import(rdf.fromFile(path.join(SHAPES, file))));
  return merged;
}

/** `severity focus path: message` for each result, so a failure says what to fix. */
async function validate(data: Graph, shapeGraph: Graph): Promise<string[]> {
  const report = await new SHACLValidator(shapeGraph, { factory: rdf }).validate(data);
  return report.results.map(
    (result) =>
      `${result.severity?.value.replace('http://www.w3.org/ns/shacl#', '')} ${result.focusNode?.value} ` +
      `${result.path?.value}: ${result.message.map((message) => message.value).join(' ')}`,
  );
}

/** The IRIs the platform mints (those on its own host), subjects and objects alike. */
function platformIris(graph: Graph, host: RegExp): string[] {
  const iris = new Set<string>();
  for (const quad of graph) {
    for (const term of [quad.subject, quad.object]) {
      if (term.termType === 'NamedNode' && host.test(term.value)) iris.add(term.value);
    }
  }
  return [...iris];
}

function datasetIris(graph: Graph): string[] {
  return [...graph]
    .filter((quad) => quad.predicate.value === RDF_TYPE && quad.object.value === DCAT_DATASET)
    .map((quad) => quad.subject.value);
}

/**
 * The graph without what other test files change while this one runs (they record readings in
 * the same database): dates and versions. Two representations are compared on the rest.
 */
function withoutDates(graph: Graph): string {
  const stable = rdf.dataset(
    [...graph].filter(
      (quad) =>
        quad.predicate.value !== 'http://www.w3.org/ns/dcat#version' &&
        !(quad.object.termType === 'Literal' && quad.object.datatype.value.endsWith('#dateTime')),
    ),
  );
  return stable.toCanonical();
}

let platform: TestPlatform;
let base: string;
let catalog: Graph;

async function get(url: string, accept?: string): Promise<Response> {
  return fetch(url, { headers: accept ? { accept } : {} });
}

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.gateway.url.replace(/\/graphql$/, '');
  const response = await get(`${base}/catalog.jsonld`);
  expect(response.status).toBe(200);
  catalog = await parse(await response.text(), 'application/ld+json');
});
afterAll(() => platform?.stop());

describe('the served catalog against the official DCAT-AP 3.0.0 shapes', () => {
  it('describes every dataset of Query.datasets', async () => {
    const result = await platform.query<{ datasets: { iri: string }[] }>('{ datasets { iri } }');
    expect(datasetIris(catalog).sort()).toEqual(result.data?.datasets.map((dataset) => dataset.iri).sort());
    expect(datasetIris(catalog).length).toBeGreaterThanOrEqual(13);
  });

  it('has no violation of the mandatory shapes and ranges', async () => {
    expect(await validate(catalog, await shapes('shapes.ttl', 'range.ttl'))).toEqual([]);
  });

  it('has every recommended property', async () => {
    expect(await validate(catalog, await shapes('shapes_recommended.ttl'))).toEqual([]);
  });
});

describe('catalog IRIs', () => {
  it('start with the gateway address, whatever host name the client used', async () => {
    const viaLoopback = await parse(
      await (await get(`${base.replace('localhost', '127.0.0.1')}/catalog.jsonld`)).text(),
      'application/ld+json',
    );
    for (const graph of [catalog, viaLoopback]) {
      const local = platformIris(graph, /^https?:\/\/(localhost|127\.0\.0\.1)[:/]/);
      expect(local.length).toBeGreaterThan(13 * 4);
      expect(local.filter((iri) => iri !== base && !iri.startsWith(`${base}/`))).toEqual([]);
    }
    expect(withoutDates(viaLoopback)).toBe(withoutDates(catalog));
  });

  it('start with PUBLIC_URL when it is set, the download URLs included', async () => {
    process.env.PUBLIC_URL = 'https://data.paris.example/open-city-graph/';
    try {
      const graph = await parse(await (await get(`${base}/catalog.jsonld`)).text(), 'application/ld+json');
      const published = platformIris(graph, /^https:\/\/data\.paris\.example\//);
      expect(published).toContain('https://data.paris.example/open-city-graph/datasets/arrondissements');
      expect(published).toContain('https://data.paris.example/open-city-graph/datasets/arrondissements.csv');
      expect(platformIris(graph, /^https?:\/\/(localhost|127\.0\.0\.1)[:/]/)).toEqual([]);
    } finally {
      delete process.env.PUBLIC_URL;
    }
  });

  it('dereference: each dataset IRI answers its entry as JSON-LD or Turtle', async () => {
    for (const iri of datasetIris(catalog)) {
      const jsonLd = await get(iri, 'application/ld+json');
      expect(jsonLd.headers.get('content-type')).toMatch(/^application\/ld\+json/);
      const turtle = await get(iri, 'text/turtle');
      expect(turtle.headers.get('content-type')).toMatch(/^text\/turtle/);
      for (const entry of [
        await parse(await jsonLd.text(), 'application/ld+json'),
        await parse(await turtle.text(), 'text/turtle'),
      ]) {
        expect(datasetIris(entry)).toEqual([iri]);
        // The entry is the catalog's description of the dataset: its links are the catalog's.
        const missing = [...entry].filter(
          (quad) =>
            quad.subject.termType === 'NamedNode' &&
            quad.object.termType !== 'BlankNode' &&
            !catalog.has(quad),
        );
        expect(
          missing.map((quad) => `${quad.subject.value} ${quad.predicate.value} ${quad.object.value}`),
        ).toEqual([]);
      }
    }
    expect((await get(`${base}/datasets/no-such-dataset`, 'text/turtle')).status).toBe(404);
  });
});

describe('Turtle', () => {
  it('/catalog.ttl holds the same graph as /catalog.jsonld', async () => {
    const response = await get(`${base}/catalog.ttl`);
    expect(response.headers.get('content-type')).toMatch(/^text\/turtle/);
    const text = await response.text();
    expect(text).toMatch(/^@prefix dcat: <http:\/\/www\.w3\.org\/ns\/dcat#>\./m);
    expect(withoutDates(await parse(text, 'text/turtle'))).toBe(withoutDates(catalog));
  });

  it('/catalog negotiates JSON-LD or Turtle by Accept', async () => {
    const cases: [string | undefined, number, RegExp | null][] = [
      ['text/turtle', 200, /^text\/turtle/],
      ['application/ld+json', 200, /^application\/ld\+json/],
      ['text/turtle;q=0.5, application/ld+json', 200, /^application\/ld\+json/],
      [undefined, 200, /^application\/ld\+json/],
      ['text/html', 406, null],
    ];
    for (const [accept, status, type] of cases) {
      const response = await get(`${base}/catalog`, accept);
      expect(response.status, accept).toBe(status);
      if (type) expect(response.headers.get('content-type')).toMatch(type);
      expect(response.headers.get('vary')).toMatch(/accept/i);
      await response.arrayBuffer();
    }
    const turtle = await (await get(`${base}/catalog`, 'text/turtle')).text();
    expect(withoutDates(await parse(turtle, 'text/turtle'))).toBe(withoutDates(catalog));
  });
});

describe('Query.datasets mirrors the catalog', () => {
  it('with the vocabulary IRIs DCAT-AP cites', async () => {
    const result = await platform.query<{
      datasets: {
        id: string;
        iri: string;
        issued: string | null;
        themeConcepts: { iri: string; label: string }[];
        frequency: { iri: string };
        spatial: { iri: string; bbox: string; centroid: string };
        publisher: { type: { iri: string } | null };
        license: { types: { iri: string }[] };
        temporalCoverage: { start: string | null } | null;
        distributions: {
          format: string;
          description: string;
          fileType: { iri: string };
          mediaTypeIri: string | null;
          availability: { iri: string };
        }[];
      }[];
    }>(`{ datasets { id iri issued themeConcepts { iri label } frequency { iri } spatial { iri bbox centroid }
      publisher { type { iri } } license { types { iri } } temporalCoverage { start }
      distributions { format description fileType { iri } mediaTypeIri availability { iri } } } }`);
    expect(result.errors).toBeUndefined();
    const arrondissements = result.data?.datasets.find((dataset) => dataset.id === 'arrondissements');
    expect(arrondissements).toMatchObject({
      iri: `${base}/datasets/arrondissements`,
      frequency: {
        iri: expect.stringMatching(/^http:\/\/publications\.europa\.eu\/resource\/authority\/frequency\//),
      },
      spatial: { iri: 'https://sws.geonames.org/2988507/', centroid: expect.stringMatching(/^POINT\(/) },
      publisher: { type: { iri: 'http://purl.org/adms/publishertype/LocalAuthority' } },
    });
    expect(arrondissements?.themeConcepts[0].iri).toMatch(/\/authority\/data-theme\/[A-Z]{4}$/);
    const csv = arrondissements?.distributions.find((distribution) => distribution.format === 'csv');
    expect(csv).toMatchObject({
      fileType: { iri: 'http://publications.europa.eu/resource/authority/file-type/CSV' },
      mediaTypeIri: 'https://www.iana.org/assignments/media-types/text/csv',
      availability: { iri: 'http://publications.europa.eu/resource/authority/planned-availability/STABLE' },
    });
    for (const dataset of result.data?.datasets ?? []) {
      expect(dataset.issued, dataset.id).not.toBeNull();
      expect(dataset.temporalCoverage?.start, dataset.id).toBeTruthy();
      expect(dataset.license.types.length, dataset.id).toBeGreaterThan(0);
    }
  });
});
