import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';

/** A deployment that lists its origins and keeps its SDL private; production serves no IDE. */
let platform: TestPlatform;
let base: string;
beforeAll(async () => {
  process.env.SCHEMA_PUBLIC = 'false';
  process.env.CORS_ORIGINS = 'https://app.example, https://other.example/';
  platform = await startTestPlatform(['territory'], { production: true });
  base = platform.gateway.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  delete process.env.SCHEMA_PUBLIC;
  delete process.env.CORS_ORIGINS;
  await platform?.stop();
});

describe('SCHEMA_PUBLIC=false and CORS_ORIGINS', () => {
  it('hides the SDL', async () => {
    const response = await fetch(`${base}/schema.graphql`);
    expect(response.status).toBe(404);
  });

  it('allows a listed origin, by name', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://other.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://other.example');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('gives another origin no CORS header', async () => {
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ arrondissement(code: 1) { name } }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves no GraphiQL in production, and the home page does not link it', async () => {
    const ide = await fetch(platform.gateway.url, { headers: { accept: 'text/html' } });
    expect(await ide.text()).not.toContain('graphiql.js');
    const home = await (await fetch(`${base}/`)).text();
    expect(home).not.toContain('href="/graphql"');
    expect(home).not.toContain('href="/schema.graphql"');
  });
});
