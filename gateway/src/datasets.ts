import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CATALOG } from '../../datasets/catalog';
import { EXPORT_FORMATS } from '../../platform/src/exports/definition';
import { sendJson } from '../../platform/src/http';
import { encodeIdentity, IDENTITY_HEADER, type Identity } from '../../platform/src/identity';
import { logger } from '../../platform/src/logger';
import type { SubgraphName } from '../../platform/src/subgraphs';

/** The subgraph URLs a composed supergraph names (`@join__graph(name: "waste", url: "…")`). */
export function subgraphUrlsFromSupergraph(supergraphSdl: string): Partial<Record<SubgraphName, string>> {
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    urls[match[1] as SubgraphName] = match[2];
  }
  return urls;
}

export interface DatasetRouteOptions {
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  gatewaySecret: string;
}

/**
 * `/datasets/<id>.<format>`: finds the subgraph that owns the dataset and streams its export
 * through, with the caller's identity signed as for GraphQL. Unknown ids and formats answer 404
 * with the valid ones. A client that disconnects aborts the upstream request, which ends the
 * subgraph's database cursor.
 */
export async function serveDataset(
  request: IncomingMessage,
  response: ServerResponse,
  identity: Identity,
  options: DatasetRouteOptions,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = /^\/datasets\/([^/.]+)\.([a-z]+)$/.exec(url.pathname);
  const definition = match && CATALOG.find((candidate) => candidate.id === match[1]);
  if (!match || !definition) {
    return sendJson(response, 404, {
      error: `Unknown dataset${match ? ` "${match[1]}"` : ''}`,
      datasets: CATALOG.map((candidate) => candidate.id),
    });
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(match[2])) {
    return sendJson(response, 404, { error: `Unknown format "${match[2]}"`, formats: EXPORT_FORMATS });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendJson(response, 405, { error: 'Exports are read with GET' }, { allow: 'GET, HEAD' });
  }
  const subgraphUrl = options.subgraphUrls[definition.subgraph];
  if (!subgraphUrl)
    return sendJson(response, 503, { error: `The ${definition.subgraph} service is not configured` });
  const upstreamUrl = new URL(subgraphUrl.replace(/\/graphql$/, `/export/${definition.id}`));
  for (const [name, value] of url.searchParams) upstreamUrl.searchParams.append(name, value);
  upstreamUrl.searchParams.set('format', match[2]);

  const abort = new AbortController();
  response.once('close', () => abort.abort());
  let upstream: Response;
  try {
    upstream = await fetch(upstreamUrl, {
      headers: { [IDENTITY_HEADER]: encodeIdentity(identity, options.gatewaySecret) },
      signal: abort.signal,
    });
  } catch (error) {
    if (abort.signal.aborted) return;
    logger.warn({ err: error, dataset: definition.id }, 'export service unreachable');
    return sendJson(response, 503, {
      error: `The ${definition.subgraph} service is unavailable; try again shortly`,
    });
  }
  const headers: Record<string, string> = {};
  upstream.headers.forEach((value, name) => {
    if (
      name === 'content-type' ||
      name === 'content-disposition' ||
      name.startsWith('x-dataset') ||
      name.startsWith('x-generator')
    ) {
      headers[name] = value;
    }
  });
  response.writeHead(upstream.status, headers);
  if (!upstream.body || request.method === 'HEAD') {
    response.end();
    abort.abort();
    return;
  }
  try {
    await pipeline(Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream), response);
  } catch (error) {
    if (!abort.signal.aborted) logger.warn({ err: error, dataset: definition.id }, 'export interrupted');
  }
}

interface CatalogEntry {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  themes: string[];
  publisher: { name: string; url: string | null; email: string | null };
  contactPoint: { name: string; url: string | null; email: string | null };
  license: { name: string; url: string };
  provenance: string;
  sources: string[];
  version: string;
  modified: string | null;
  accrualPeriodicity: string;
  spatialCoverage: string;
  temporalCoverage: { start: string | null; end: string | null } | null;
  distributions: { format: string; mediaType: string; url: string }[];
}

export const CATALOG_QUERY = `{ datasets { id title description keywords themes provenance sources version modified
  accrualPeriodicity spatialCoverage publisher { name url email } contactPoint { name url email }
  license { name url } temporalCoverage { start end } distributions { format mediaType url } } }`;

const EU_THEME = 'http://publications.europa.eu/resource/authority/data-theme/';
const EU_FREQUENCY: Record<string, string> = {
  continuous: 'CONT',
  daily: 'DAILY',
  annual: 'ANNUAL',
  irregular: 'IRREG',
};

function agent(entry: CatalogEntry['publisher']) {
  return {
    '@type': 'foaf:Agent',
    'foaf:name': entry.name,
    ...(entry.url ? { 'foaf:homepage': { '@id': entry.url } } : {}),
    ...(entry.email ? { 'foaf:mbox': { '@id': `mailto:${entry.email}` } } : {}),
  };
}

/** The catalog as DCAT-AP 3 JSON-LD, the form EU portals harvest. */
export function catalogJsonLd(entries: CatalogEntry[], baseUrl: string) {
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      adms: 'http://www.w3.org/ns/adms#',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    },
    '@id': `${baseUrl}/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': 'Open City Graph',
    'dct:description':
      'Open data of a smart and sustainable Paris: territory, energy, waste, mobility, participatory budget, DataCity and ParisCode.',
    'dct:publisher': agent({ name: 'Open City Graph', url: baseUrl, email: null }),
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/FRA' },
    'dcat:dataset': entries.map((entry) => ({
      '@id': `${baseUrl}/datasets/${entry.id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': entry.id,
      'dct:title': entry.title,
      'dct:description': entry.description,
      'dcat:keyword': entry.keywords,
      'dcat:theme': entry.themes.map((theme) => ({ '@id': `${EU_THEME}${theme}` })),
      'dct:publisher': agent(entry.publisher),
      'dcat:contactPoint': {
        '@type': 'vcard:Organization',
        'vcard:fn': entry.contactPoint.name,
        ...(entry.contactPoint.email
          ? { 'vcard:hasEmail': { '@id': `mailto:${entry.contactPoint.email}` } }
          : {}),
      },
      'dct:license': { '@id': entry.license.url },
      'dct:provenance': {
        '@type': 'dct:ProvenanceStatement',
        'rdfs:label': `${entry.provenance}: ${entry.sources.join(', ')}`,
      },
      'adms:version': entry.version,
      ...(entry.modified ? { 'dct:modified': { '@value': entry.modified, '@type': 'xsd:dateTime' } } : {}),
      'dct:accrualPeriodicity': {
        '@id': `http://publications.europa.eu/resource/authority/frequency/${EU_FREQUENCY[entry.accrualPeriodicity] ?? 'IRREG'}`,
      },
      'dct:spatial': { '@type': 'dct:Location', 'rdfs:label': entry.spatialCoverage },
      ...(entry.temporalCoverage?.start
        ? {
            'dct:temporal': {
              '@type': 'dct:PeriodOfTime',
              'dcat:startDate': { '@value': entry.temporalCoverage.start, '@type': 'xsd:dateTime' },
              ...(entry.temporalCoverage.end
                ? { 'dcat:endDate': { '@value': entry.temporalCoverage.end, '@type': 'xsd:dateTime' } }
                : {}),
            },
          }
        : {}),
      'dcat:distribution': entry.distributions.map((distribution) => ({
        '@id': distribution.url,
        '@type': 'dcat:Distribution',
        'dcat:accessURL': { '@id': distribution.url },
        'dcat:downloadURL': { '@id': distribution.url },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${distribution.mediaType}` },
        'dct:format': distribution.format.toUpperCase(),
        'dct:license': { '@id': entry.license.url },
      })),
    })),
  };
}

export type { CatalogEntry };
