import { readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/**
 * Pages load only what the gateway serves and talk only to it: the CSP makes "no request to any
 * other host" a property of the page, not a promise of its scripts. Inline styles are allowed
 * because React (GraphiQL) and Leaflet position elements with them.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "frame-ancestors 'self'",
].join('; ');

export function sendPage(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  response.end(html);
}

/** JSON placed in a page, with `<` escaped so no value can close the script element. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function page(title: string, lang: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

export interface HomeLinks {
  graphiql: boolean;
  schema: boolean;
}

/** `/`: what the platform offers a visitor, with links to each face of it. */
export function homePage(links: HomeLinks): string {
  const items = [
    `<li><a href="/dashboard">Tableau de bord en direct</a> — énergie, déchets, budget participatif, accompagnement</li>`,
    links.graphiql
      ? `<li><a href="/graphql">GraphiQL</a> — explorer l’API GraphQL (requêtes et abonnements)</li>`
      : `<li><code>POST /graphql</code> — l’API GraphQL (WebSocket graphql-ws, SSE sur <code>/graphql/stream</code>)</li>`,
    links.schema ? `<li><a href="/schema.graphql">schema.graphql</a> — le schéma public (SDL)</li>` : '',
    `<li><a href="/catalog.jsonld">catalog.jsonld</a> — le catalogue des jeux de données (DCAT-AP)</li>`,
    `<li><a href="/docs">Documentation</a> — le README du projet</li>`,
  ];
  return page(
    'Open City Graph — Paris',
    'fr',
    `<style>
body { font: 18px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } p.lead { color: #4a5868; margin-top: 0; }
li { margin: 0.5rem 0; } a { color: #0b5cad; }
</style>`,
    `<h1>Open City Graph</h1>
<p class="lead">La plateforme GraphQL des données ouvertes de Paris · the open-data GraphQL platform of Paris</p>
<ul>
${items.filter(Boolean).join('\n')}
</ul>`,
  );
}

export interface ExampleOperation {
  name: string;
  query: string;
}

/** The example operations of schema/operations/, which GraphiQL opens as tabs. */
export function exampleOperations(dir = path.join(SCHEMA_DIR, 'operations')): ExampleOperation[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.graphql$/, ''),
      query: readFileSync(path.join(dir, file), 'utf8'),
    }));
}

/** GraphiQL, bundled (graphiql.js): nothing is fetched from a CDN. */
export function graphiqlPage(operations: ExampleOperation[]): string {
  return page(
    'GraphiQL — Open City Graph',
    'en',
    `<link rel="stylesheet" href="/assets/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
<script id="ocg-operations" type="application/json">${embedJson(operations)}</script>
<script defer src="/assets/graphiql.js"></script>`,
    `<div id="graphiql">Loading GraphiQL…</div>`,
  );
}

/** The live city dashboard (dashboard.js), French by default. */
export function dashboardPage(): string {
  return page(
    'Paris en direct — Open City Graph',
    'fr',
    `<link rel="stylesheet" href="/assets/dashboard.css">
<script defer src="/assets/dashboard.js"></script>`,
    `<div id="dashboard"></div>`,
  );
}
