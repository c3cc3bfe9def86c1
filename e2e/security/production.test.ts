import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { codes, get, postOperation } from './support';

/** What `NODE_ENV=production` turns on at the gateway. */
let platform: TestPlatform;
let url: string;
beforeAll(async () => {
  platform = await startTestPlatform(undefined, { production: true });
  url = platform.gateway.url;
});
afterAll(() => platform?.stop());

describe('production mode', () => {
  it('gives no field suggestions', async () => {
    const response = await postOperation(url, '{ arrondisements { code } }');
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.text).not.toMatch(/Did you mean/i);
    expect(response.text).not.toContain('arrondissements');
  });

  it('refuses introspection', async () => {
    for (const query of [
      '{ __schema { queryType { name } } }',
      '{ __type(name: "Arrondissement") { fields { name } } }',
    ]) {
      const response = await postOperation(url, query);
      expect(response.status).toBe(400);
      expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(response.body.errors?.[0].message).toMatch(/introspection is not allowed/);
      expect(response.body.data).toBeUndefined();
    }
  });

  it('serves no GraphiQL or landing page', async () => {
    const response = await get(url, {}, { accept: 'text/html' });
    expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(response.text).not.toMatch(/<html|graphiql|sandbox/i);
  });

  it('sends no stack trace with errors', async () => {
    const response = await postOperation(url, '{ arrondissement(code: 21) { name } }');
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0].extensions).not.toHaveProperty('stacktrace');
    expect(response.text).not.toMatch(/node_modules|\bat \w+ \(/);
  });
});
