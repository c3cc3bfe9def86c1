import type { IncomingMessage, ServerResponse } from 'node:http';

/** The paths a web app on another origin may call. */
const CORS_PATHS = /^\/(graphql|graphql\/stream|catalog\.jsonld|schema\.graphql|datasets\/.+)$/;

/** What a browser script may read from a response: limits, dataset metadata, the file name. */
const EXPOSED_HEADERS = [
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Retry-After',
  'Content-Disposition',
  'X-Dataset-Key',
  'X-Dataset-Provenance',
  'X-Dataset-Resume',
  'X-Dataset-Version',
  'X-Generator-Seed',
  'X-Generator-Scale',
].join(', ');

/** Request headers a cross-origin call may send: keys, tokens, CSRF's preflight marker, SSE resume. */
const ALLOWED_HEADERS = [
  'content-type',
  'accept',
  'x-api-key',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'last-event-id',
].join(', ');

/** `*` (any origin) or the exact origins allowed. */
export type CorsOrigins = '*' | ReadonlySet<string>;

/** `CORS_ORIGINS`: `*` (default) or a comma-separated list of origins such as `https://app.example`. */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): CorsOrigins {
  const value = env.CORS_ORIGINS?.trim();
  if (!value || value === '*') return '*';
  return new Set(
    value
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
  );
}

/**
 * Adds the CORS headers to an API response and answers preflights; true when the request has been
 * answered. Credentials are never allowed: keys and tokens travel in headers, not cookies, so a
 * page on another origin cannot borrow a visitor's identity. CSRF prevention stays Apollo's: a
 * cross-origin POST still needs a non-simple content type or `apollo-require-preflight`.
 */
export function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  origins: CorsOrigins,
): boolean {
  if (!CORS_PATHS.test(path)) return false;
  const origin = request.headers.origin;
  const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'];
  if (origins === '*') response.setHeader('access-control-allow-origin', '*');
  else {
    response.setHeader('vary', 'Origin');
    if (!origin || !origins.has(origin)) {
      if (!preflight) return false;
      // A preflight from an origin not listed gets no CORS header: the browser stops there.
      response.writeHead(403, { 'content-length': '0' });
      response.end();
      return true;
    }
    response.setHeader('access-control-allow-origin', origin);
  }
  response.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  if (!preflight) return false;
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
    'content-length': '0',
  });
  response.end();
  return true;
}
