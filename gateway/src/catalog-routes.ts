import type { IncomingMessage, ServerResponse } from 'node:http';
import Negotiator from 'negotiator';
import { sendJson } from '#platform/http';
import {
  CATALOG_QUERY,
  catalogJsonLd,
  DATASET_QUERY,
  datasetJsonLd,
  toTurtle,
  type CatalogEntry,
} from './catalog';

/** Runs a query as the caller: its data, or undefined when it failed (a subgraph down). */
export type ExecuteAsCaller = <TData>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<TData | undefined>;

const JSON_LD = 'application/ld+json';
const TURTLE = 'text/turtle';
const REPRESENTATIONS = [JSON_LD, TURTLE];

/** A dataset's IRI, `/datasets/<id>` (its downloads carry a format: `/datasets/<id>.<format>`). */
const DATASET_ENTRY = /^\/datasets\/([^/.]+)$/;

/** `/catalog` (negotiated), `/catalog.jsonld`, `/catalog.ttl` and each dataset's IRI. */
export function isCatalogPath(path: string): boolean {
  return (
    path === '/catalog' || path === '/catalog.jsonld' || path === '/catalog.ttl' || DATASET_ENTRY.test(path)
  );
}

/**
 * Answers a catalog path with the catalog, or one dataset's entry, as JSON-LD or Turtle: by the
 * extension, else by `Accept` (JSON-LD when the client states no preference).
 * The entries are what `Query.datasets` and `Query.dataset` answer the caller.
 */
export async function serveCatalog(
  request: IncomingMessage,
  response: ServerResponse,
  execute: ExecuteAsCaller,
  base: string,
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendJson(response, 405, { error: 'The catalog is read with GET' }, { allow: 'GET, HEAD' });
  const negotiated = !path.endsWith('.jsonld') && !path.endsWith('.ttl');
  const representation = negotiated
    ? new Negotiator(request).mediaType(REPRESENTATIONS)
    : path.endsWith('.ttl')
      ? TURTLE
      : JSON_LD;
  if (!representation) {
    return sendJson(
      response,
      406,
      { error: 'The catalog is served as JSON-LD or Turtle', types: REPRESENTATIONS },
      { vary: 'Accept' },
    );
  }

  const datasetId = DATASET_ENTRY.exec(path)?.[1];
  let document;
  if (datasetId) {
    const data = await execute<{ dataset: CatalogEntry | null }>(DATASET_QUERY, { id: datasetId });
    if (!data) return sendJson(response, 503, { error: 'The catalog is unavailable; try again shortly' });
    if (!data.dataset)
      return sendJson(response, 404, { error: `Unknown dataset "${datasetId}"`, catalog: `${base}/catalog` });
    document = datasetJsonLd(data.dataset);
  } else {
    const data = await execute<{ datasets: CatalogEntry[] }>(CATALOG_QUERY);
    if (!data) return sendJson(response, 503, { error: 'The catalog is unavailable; try again shortly' });
    document = catalogJsonLd(data.datasets, base);
  }
  const body = representation === TURTLE ? await toTurtle(document) : JSON.stringify(document);
  response.writeHead(200, {
    'content-type': `${representation}; charset=utf-8`,
    ...(negotiated ? { vary: 'Accept' } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
