import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { WebAssets } from './assets';
import { applyCors, corsOriginsFromEnv, type CorsOrigins } from './cors';
import { dashboardPage, exampleOperations, graphiqlPage, homePage, sendPage } from './pages';
import { PROJECT_ROOT } from './paths';
import { publicSchemaFromEnv } from './public-schema';

const README = path.join(PROJECT_ROOT, 'README.md');

export interface WebOptions {
  supergraphSdl: string;
  production: boolean;
  /** GraphiQL at /graphql for browsers; default: in development, or `GRAPHIQL=on`. */
  graphiql?: boolean;
  /** `CORS_ORIGINS` by default. */
  corsOrigins?: CorsOrigins;
  /** The public SDL; `SCHEMA_PUBLIC=false` by default hides it. */
  publicSchema?: string | false;
}

/**
 * The gateway's browser face, routed ahead of its other handlers (as the subscriptions are): CORS
 * on the API paths, the home page, the dashboard, GraphiQL, the public SDL and the bundles.
 */
export function attachWeb(httpServer: Server, options: WebOptions): void {
  const origins = options.corsOrigins ?? corsOriginsFromEnv();
  const graphiql = options.graphiql ?? (!options.production || process.env.GRAPHIQL === 'on');
  const schema =
    options.publicSchema === undefined
      ? publicSchemaFromEnv(options.supergraphSdl)
      : options.publicSchema || undefined;
  const assets = new WebAssets();
  const home = homePage({ graphiql, schema: Boolean(schema) });
  const ide = graphiql ? graphiqlPage(exampleOperations()) : undefined;

  const serve = (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = (request.url ?? '/').split('?')[0];
    if (applyCors(request, response, path, origins)) return true;
    const read = request.method === 'GET' || request.method === 'HEAD';
    if (!read) return false;
    if (path === '/graphql') {
      if (!ide || !prefersHtml(request)) return false;
      sendPage(response, ide);
      return true;
    }
    if (path === '/') sendPage(response, home);
    else if (path === '/dashboard' || path === '/dashboard/') sendPage(response, dashboardPage());
    else if (path === '/schema.graphql' && schema) {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(schema);
    } else if (path === '/docs') {
      response.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' });
      response.end(readFileSync(README));
    } else if (path.startsWith('/assets/'))
      return assets.serve(request, response, path.slice('/assets/'.length));
    else return false;
    return true;
  };

  const handlers = httpServer.listeners('request') as ((
    request: IncomingMessage,
    response: ServerResponse,
  ) => void)[];
  httpServer.removeAllListeners('request');
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (serve(request, response)) return;
    for (const handler of handlers) handler.call(httpServer, request, response);
  });
}

/** A browser navigating (Accept: text/html first), not a GraphQL client sending a GET query. */
function prefersHtml(request: IncomingMessage): boolean {
  const accept = String(request.headers.accept ?? '');
  return (
    accept.includes('text/html') && !new URL(request.url ?? '/', 'http://localhost').searchParams.has('query')
  );
}
