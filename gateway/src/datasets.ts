import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_FORMATS } from '#platform/exports/definition';
import { sendJson } from '#platform/http';
import { encodeIdentity, IDENTITY_HEADER, type Identity } from '#platform/identity';
import { logger } from '#platform/logger';
import type { SubgraphName } from '#platform/subgraphs';
import type { DatasetOwner } from './dataset-index';

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
  datasets: readonly DatasetOwner[];
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
  const definition = match && options.datasets.find((candidate) => candidate.id === match[1]);
  if (!match || !definition) {
    return sendJson(response, 404, {
      error: `Unknown dataset${match ? ` "${match[1]}"` : ''}`,
      datasets: options.datasets.map((candidate) => candidate.id),
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
  // The file format travels in the path, so a dataset's own `format` filter (a course's) is the caller's.
  const upstreamUrl = new URL(subgraphUrl.replace(/\/graphql$/, `/export/${definition.id}.${match[2]}`));
  for (const [name, value] of url.searchParams) upstreamUrl.searchParams.append(name, value);

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
