import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';

/** The API as a web app on another origin sees it: CORS, preflights, the public SDL, the pages. */
let platform: TestPlatform;
let base: string;
beforeAll(async () => {
  platform = await startTestPlatform(['territory']);
  base = platform.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => platform?.stop());

const APP = 'https://app.example';

describe('CORS', () => {
  it('answers a preflight for a JSON POST with an API key', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-api-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type.*x-api-key/);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the page read the rate-limit and dataset headers', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ arrondissement(code: 17) { name } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = response.headers.get('access-control-expose-headers') ?? '';
    for (const name of [
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Retry-After',
      'X-Dataset-Key',
    ])
      expect(exposed).toContain(name);
  });

  it('covers the stream, the catalog and the downloads', async () => {
    for (const path of ['/graphql/stream', '/catalog.jsonld', '/datasets/arrondissements.csv']) {
      const response = await fetch(`${base}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: APP,
          'access-control-request-method': path === '/graphql/stream' ? 'POST' : 'GET',
        },
      });
      expect(response.status, path).toBe(204);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
    }
  });

  it('keeps CSRF prevention: a simple cross-origin GET query without a preflight header is refused', async () => {
    const response = await fetch(
      `${base}/graphql?query=${encodeURIComponent('{ arrondissement(code: 1) { name } }')}`,
      {
        headers: { origin: APP },
      },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });
});

describe('the browser pages', () => {
  it('serves the public SDL', async () => {
    const response = await fetch(`${base}/schema.graphql`);
    expect(response.status).toBe(200);
    const sdl = await response.text();
    expect(sdl).toContain('type Query');
    expect(sdl).not.toMatch(/join__|link__|_entities/);
  });

  it('serves a home page linking the IDE, the dashboard, the catalog and the docs', async () => {
    const response = await fetch(`${base}/`);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    for (const link of ['/graphql', '/dashboard', '/catalog.jsonld', '/docs', '/schema.graphql'])
      expect(html).toContain(`href="${link}"`);
  });

  it('serves GraphiQL to a browser and GraphQL to a client at the same URL', async () => {
    const page = await fetch(platform.gateway.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('/assets/graphiql.js');
    expect(html).toContain('StationUpdates'); // the example operations, preloaded
    const script = await fetch(`${base}/assets/graphiql.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(script.status).toBe(200);
    const query = await platform.query<{ arrondissement: { name: string } }>(
      '{ arrondissement(code: 1) { name } }',
    );
    expect(query.data?.arrondissement.name).toBeTruthy();
  });
});
