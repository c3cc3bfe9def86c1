import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { codes, get, post, postOperation } from './support';

/** The checks of graphql-cop (dolevf/graphql-cop), against the gateway in development mode. */
let platform: TestPlatform;
let url: string;
beforeAll(async () => {
  platform = await startTestPlatform(undefined, { production: false });
  url = platform.gateway.url;
});
afterAll(() => platform?.stop());

const PREFLIGHT = { 'apollo-require-preflight': 'true' };

describe('graphql-cop checks', () => {
  it('refuses a circular introspection query', async () => {
    const response = await postOperation(
      url,
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
    );
    expect(response.status).toBe(400);
    expect(codes(response)).toContain('INTROSPECTION_CYCLE');
    expect(response.body.data).toBeUndefined();
  });

  it('still answers the standard introspection query in development (GraphiQL, codegen)', async () => {
    const response = await postOperation(url, getIntrospectionQuery());
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toHaveProperty('__schema');
  });

  it('refuses a mutation sent with GET', async () => {
    const response = await get(url, { query: 'mutation { __typename }' }, PREFLIGHT);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(codes(response)).toEqual(['METHOD_NOT_ALLOWED']);
  });

  it('blocks a GET query without a preflight-forcing header (CSRF prevention)', async () => {
    const blocked = await get(url, { query: '{ __typename }' });
    expect(blocked.status).toBe(400);
    expect(codes(blocked)).toEqual(['BAD_REQUEST']);
    expect(blocked.body.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
    const allowed = await get(url, { query: '{ __typename }' }, PREFLIGHT);
    expect(allowed.status).toBe(200);
    expect(allowed.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a form-encoded POST', async () => {
    const response = await post(url, 'query=%7B__typename%7D', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(codes(response)).toEqual(['BAD_REQUEST']);
  });

  it('refuses alias overloading', async () => {
    const aliases = Array.from({ length: 101 }, (_, index) => `alias${index}: __typename`).join(' ');
    const response = await postOperation(url, `{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(codes(response)).toContain('ALIAS_LIMIT_EXCEEDED');
    expect(
      response.body.errors?.find((error) => error.extensions?.code === 'ALIAS_LIMIT_EXCEEDED')?.message,
    ).toMatch(/Aliases limit of 15/);
  });

  it('refuses array batching', async () => {
    const response = await post(
      url,
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    );
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['BATCHING_NOT_SUPPORTED']);
  });

  it('refuses directive overloading', async () => {
    const nested = Array.from({ length: 60 }).reduce<string>(
      (inner) => `... @include(if: true) { ${inner} }`,
      'code',
    );
    const response = await postOperation(url, `{ arrondissements { ${nested} } }`);
    expect(response.status).toBe(400);
    expect(codes(response)).toContain('DIRECTIVE_LIMIT_EXCEEDED');
  });

  it('never returns traces, even when asked with the federation ftv1 header', async () => {
    const response = await postOperation(url, '{ arrondissements { code } }', {
      'apollo-federation-include-trace': 'ftv1',
    });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.extensions?.ftv1).toBeUndefined();
    expect(response.body.extensions?.tracing).toBeUndefined();
    expect(response.text).not.toContain('ftv1');
  });

  it('hides the details of an unhandled error (no stack trace, no exception)', async () => {
    const response = await postOperation(url, 'query cop { __typename {}');
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const extensions = response.body.errors?.[0].extensions ?? {};
    expect(extensions).not.toHaveProperty('stacktrace');
    expect(extensions).not.toHaveProperty('exception');
    expect(response.text).not.toMatch(/node_modules|\bat \w+ \(/);
  });

  it('refuses field duplication', async () => {
    const response = await postOperation(url, `query cop { ${'__typename \n'.repeat(500)} }`);
    expect(response.status).toBe(400);
    expect(codes(response)).toContain('FIELD_DUPLICATION_LIMIT_EXCEEDED');
  });
});
