import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeIdentity, IDENTITY_HEADER } from '#platform/identity';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { codes, postOperation } from './support';

/** Subgraphs answer only the gateway: an identity signed with the shared secret is required. */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const OPERATOR = { roles: ['operator' as const], subject: 'attacker' };

describe('direct calls to the subgraphs', () => {
  it('refuses a call without the gateway-signed identity (403)', async () => {
    for (const subgraph of platform.subgraphs) {
      const response = await postOperation(subgraph.url, '{ _service { sdl } }');
      expect(response.status, subgraph.name).toBe(403);
      expect(codes(response), subgraph.name).toEqual(['FORBIDDEN']);
    }
  });

  it('refuses a forged identity header (403)', async () => {
    const payload = Buffer.from(JSON.stringify(OPERATOR)).toString('base64url');
    for (const forged of [
      payload,
      `${payload}.`,
      `${payload}.not-a-signature`,
      encodeIdentity(OPERATOR, 'guessed-secret'),
    ]) {
      const response = await postOperation(platform.subgraphs[0].url, '{ __typename }', {
        [IDENTITY_HEADER]: forged,
      });
      expect(response.status, forged).toBe(403);
      expect(codes(response)).toEqual(['FORBIDDEN']);
    }
  });

  it('answers the gateway-signed identity (control)', async () => {
    const response = await postOperation(platform.subgraphs[0].url, '{ __typename }', {
      [IDENTITY_HEADER]: encodeIdentity({ roles: ['public'] }, platform.gatewaySecret),
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ __typename: 'Query' });
  });
});
